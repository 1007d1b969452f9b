import { createHash } from 'node:crypto';

/** Lines as format 1 wrote them: fixed key order, no `v`, hash over prev hash + "\n" + the line before its hash. */
export function formatOneLog(cycleId: string, acts: { at: string; actor: object; body: object }[]): string {
  let prev: string | null = null;
  let prevHash = '';
  return acts
    .map((a, n) => {
      const id = `${cycleId.slice(0, 8)}-act-${String(n + 1).padStart(4, '0')}`;
      const base = JSON.stringify({ id, cycleId, prev, installationId: 'inst-lama', at: a.at, actor: a.actor, body: a.body });
      const hash = createHash('sha256').update(prevHash).update('\n').update(base).digest('hex');
      prev = id;
      prevHash = hash;
      return `${base.slice(0, -1)},"hash":"${hash}"}\n`;
    })
    .join('');
}
