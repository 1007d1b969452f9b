import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Err, Result } from '../../../../electron/core/result';

/**
 * Loads what a screen shows from a call that takes input (a year, an OPD), again whenever
 * `deps` change; an older answer arriving after a newer request is dropped.
 */
export function useResult<T>(load: () => Promise<Result<T>>, deps: DependencyList) {
  const [state, setState] = useState<{ loading: boolean; data: T | null; error: Err | null }>({ loading: true, data: null, error: null });
  const seq = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    const r = await run();
    if (mine !== seq.current) return;
    setState(r.ok ? { loading: false, data: r.data, error: null } : { loading: false, data: null, error: r });
  }, [run]);
  useEffect(() => {
    void reload();
    return () => {
      seq.current += 1;
    };
  }, [reload]);
  return { ...state, reload };
}
