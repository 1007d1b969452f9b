import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallName, InputOf, OutputOf } from '../../../../electron/core/contract';
import type { CycleView } from '../../../../electron/core/domain/cycle-views';
import { workingMinutesBetween, type Timing } from '../../../../electron/core/domain/workflow';
import type { Err, Result } from '../../../../electron/core/result';
import { callRaw } from '../../api/client';
import { notifyError } from '../../components/feedback';
import { officeCalendar, officeNow } from '../../i18n/office-clock';

/** Calls whose answer is the whole cycle view again: the screen simply takes it. */
type ViewCall = { [K in CallName]: OutputOf<K> extends CycleView ? K : never }[CallName];

export interface CycleHandle {
  view: CycleView | null;
  error: Err | null;
  loading: boolean;
  reload(): Promise<void>;
  /** Runs a change; on success the screen shows the core's new view. Failures are shown and returned. */
  change<K extends ViewCall>(name: K, input: InputOf<K>, failTitle?: string): Promise<Result<CycleView>>;
}

export function useCycle(cycleId: string): CycleHandle {
  const [view, setView] = useState<CycleView | null>(null);
  const [error, setError] = useState<Err | null>(null);
  const [loading, setLoading] = useState(true);
  // Answers can arrive out of order (two quick marks); only the newest request's view is kept.
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    const r = (await callRaw('cycles.get', { cycleId })) as Result<CycleView>;
    if (mine !== seq.current) return;
    setLoading(false);
    if (r.ok) {
      setView(r.data);
      setError(null);
    } else setError(r);
  }, [cycleId]);

  useEffect(() => {
    setView(null);
    void reload();
  }, [reload]);

  const change = useCallback(
    async <K extends ViewCall>(name: K, input: InputOf<K>, failTitle = 'Tidak tersimpan') => {
      const mine = ++seq.current;
      const r = (await callRaw(name, input)) as Result<CycleView>;
      if (r.ok) {
        if (mine === seq.current) setView(r.data);
      } else {
        notifyError(r, failTitle);
        // Someone else may have moved the cycle on: show what is true now.
        if (r.code === 'CONFLICT' || r.code === 'FORBIDDEN') void reload();
      }
      return r;
    },
    [reload],
  );

  return { view, error, loading, reload, change };
}

/**
 * The step's timing, kept current every half minute so the header does not go stale. It
 * adds the office minutes passed since the view arrived to what the core computed, on the
 * screen's copy of the core's clock and calendar (see i18n/office-clock).
 */
export function useLiveTiming(view: Pick<CycleView, 'timing' | 'stepInfo'> | null): Timing | null {
  const [now, setNow] = useState(() => officeNow().toISOString());
  const [loadedAt, setLoadedAt] = useState(now);
  const [seen, setSeen] = useState(view?.timing);
  if (view?.timing !== seen) {
    // A new view from the core: count from here (render-time reset, no extra pass).
    setSeen(view?.timing);
    setLoadedAt(officeNow().toISOString());
  }
  useEffect(() => {
    const t = window.setInterval(() => setNow(officeNow().toISOString()), 30_000);
    return () => window.clearInterval(t);
  }, []);
  if (!view) return null;
  const spent = view.timing.spentMinutes + workingMinutesBetween(loadedAt, now, officeCalendar());
  // The core's standard is in office minutes ("1 hari" = one working day of office hours).
  const standard = view.timing.standardMinutes;
  return { ...view.timing, spentMinutes: spent, late: standard !== null && spent > standard, remainingMinutes: standard === null ? null : standard - spent };
}
