import { useCallback, useEffect, useState } from 'react';
import type { CallName, OutputOf } from '../../../electron/core/contract';
import type { Err } from '../../../electron/core/result';
import type { Result } from '../../../electron/core/result';
import { callRaw } from './client';

type Loaded<T> = { loading: boolean; data: T | null; error: Err | null; reload(): Promise<void>; setData(data: T): void };

/** Loads a read-only call with no input when the screen mounts. */
export function useLoad<K extends CallName>(name: K): Loaded<OutputOf<K>> {
  const [state, setState] = useState<{ loading: boolean; data: OutputOf<K> | null; error: Err | null }>({
    loading: true,
    data: null,
    error: null,
  });
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    const r = (await callRaw(name)) as Result<OutputOf<K>>;
    setState(r.ok ? { loading: false, data: r.data, error: null } : { loading: false, data: null, error: r });
  }, [name]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const setData = useCallback((data: OutputOf<K>) => setState({ loading: false, data, error: null }), []);
  return { ...state, reload, setData };
}
