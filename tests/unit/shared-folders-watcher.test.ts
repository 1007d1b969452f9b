import { describe, expect, it } from 'vitest';
import { isInboxName, outboxFileName } from '../../electron/core/domain/sync/shared-folders';
import { StabilityTracker } from '../../electron/core/sync/inbox-watcher';

describe('which files of a shared inbox are looked at', () => {
  it('takes .ppid files, and none a sync tool or this app is still writing under a hidden or temp name', () => {
    expect(isInboxName('DIP-2027_langkah-4_untuk-PPID-Pembantu_2027-01-14.ppid')).toBe(true);
    expect(isInboxName('PAKET.PPID')).toBe(true);
    expect(isInboxName('.DIP-2027.ppid.tmp')).toBe(false); // this app's outbox temp name
    expect(isInboxName('.syncthing.DIP-2027.ppid.tmp')).toBe(false); // Syncthing
    expect(isInboxName('.DIP-2027.ppid')).toBe(false); // hidden
    expect(isInboxName('~$DIP-2027.ppid')).toBe(false); // office lock files
    expect(isInboxName('DIP-2027.ppid.part')).toBe(false); // browsers, rsync
    expect(isInboxName('DIP-2027.ppidbackup')).toBe(false); // a backup is never a package
    expect(isInboxName('.ppid')).toBe(false);
  });

  it('names a package in the outbox after its sender and number, so laptops sharing one folder never want the same name', () => {
    expect(outboxFileName('DIP-2027_langkah-4_untuk-PPID-Pembantu_2027-01-14.ppid', 'Laptop Operator (Bidang IKP)', 7)).toBe(
      'DIP-2027_langkah-4_untuk-PPID-Pembantu_2027-01-14_Laptop-Operator-Bidang-IKP-7.ppid',
    );
    expect(outboxFileName('DIP-2027_selesai_2027-01-14.ppid', '…', 1)).toBe('DIP-2027_selesai_2027-01-14_Laptop-1.ppid');
  });
});

describe('telling a file still being copied from a complete one', () => {
  const opts = { settleMs: 3000, retryMs: 30_000, damagedAfterMs: 600_000 };

  it('is complete only once its size and mtime stayed the same across two looks some seconds apart', () => {
    const t = new StabilityTracker(opts);
    expect(t.observe({ name: 'a.ppid', size: 100, mtimeMs: 1 }, 0)).toBe('changing');
    expect(t.observe({ name: 'a.ppid', size: 100, mtimeMs: 1 }, 1000)).toBe('changing');
    expect(t.observe({ name: 'a.ppid', size: 250, mtimeMs: 2 }, 4000)).toBe('changing');
    expect(t.observe({ name: 'a.ppid', size: 250, mtimeMs: 2 }, 6000)).toBe('changing');
    expect(t.observe({ name: 'a.ppid', size: 250, mtimeMs: 2 }, 7000)).toBe('stable');
    // Touched again (same size, new mtime): still being written.
    expect(t.observe({ name: 'a.ppid', size: 250, mtimeMs: 3 }, 8000)).toBe('changing');
  });

  it('a complete-looking file that is no whole zip is read again later, and called damaged only after a long while unchanged', () => {
    const t = new StabilityTracker(opts);
    const e = { name: 'b.ppid', size: 100, mtimeMs: 1 };
    t.observe(e, 0);
    expect(t.observe(e, 5000)).toBe('stable');
    expect(t.unreadable('b.ppid', 5000)).toBe(false);
    expect(t.observe(e, 10_000)).toBe('later');
    expect(t.observe(e, 35_000)).toBe('stable');
    expect(t.unreadable('b.ppid', 35_000)).toBe(false);
    expect(t.unreadable('b.ppid', 600_000)).toBe(true);
    // Growing again: a fresh start, and no longer damaged.
    expect(t.observe({ ...e, size: 200, mtimeMs: 2 }, 601_000)).toBe('changing');
    expect(t.unreadable('b.ppid', 605_000)).toBe(false);
  });
});
