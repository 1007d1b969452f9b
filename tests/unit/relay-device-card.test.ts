import { afterEach, describe, expect, it } from 'vitest';
import { buildCardDoc, cardContentKey, readCardDoc } from '../../electron/core/relay/device-card';
import { officeLaptops, type Laptop } from '../fixtures/laptops';
import { storesOf } from './sync-fixtures';

/**
 * A laptop's card is what the relay carries instead of a package's signed manifest: another
 * laptop (or the PPID Utama) learns from it who acts under an installation id, with which key,
 * for which office — and believes none of it unless the signature holds under that key.
 */
let laptops: Laptop[] = [];
afterEach(async () => {
  for (const l of laptops) await l.core.close();
  laptops = [];
});

describe('the device card', () => {
  it('names the laptop, its key and its office, and reads back only as signed', async () => {
    laptops = await officeLaptops(1);
    const stores = storesOf(laptops[0]!.core);
    const doc = buildCardDoc(stores, new Date('2026-03-02T09:00:00Z'));
    const read = readCardDoc(structuredClone(doc));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const settings = stores.settings.get()!;
    expect(read.card.body.installationId).toBe(stores.appDb.data.installationId);
    expect(read.card.body.publicKey).toBe(stores.deviceKey.publicKey);
    expect(read.card.body.officeName).toBe(settings.office.opdName);
    expect(read.card.body.office.unitCode).toBe(settings.office.unitCode);
    // It joined from the administrator's office package: it vouches for that laptop.
    expect(read.card.body.devices.map((d) => d.installationId)).toEqual(stores.trust.list().filter((t) => t.installationId !== stores.appDb.data.installationId).map((t) => t.installationId));

    const renamed = { ...doc, body: doc.body.replace(/"name":"[^"]*"/, '"name":"Laptop Palsu"') };
    expect(readCardDoc(renamed)).toMatchObject({ ok: false, reason: expect.stringContaining('tidak sesuai namanya') });
    // Renamed and given the matching document id: the signature no longer holds.
    const hash = (await import('node:crypto')).createHash('sha256').update(renamed.body).digest('hex');
    const forged = { ...renamed, _id: `kartu:${doc.installationId}:${hash}` };
    expect(readCardDoc(forged)).toMatchObject({ ok: false, reason: expect.stringContaining('tanda tangan') });
    expect(readCardDoc({ ...doc, body: '{' })).toMatchObject({ ok: false });
    expect(readCardDoc({ _id: doc._id, type: 'tindakan' })).toMatchObject({ ok: false });

    // Made again later with nothing changed, it says the same thing.
    expect(cardContentKey(buildCardDoc(stores, new Date('2026-03-03T09:00:00Z')))).toBe(cardContentKey(doc));
  });
});
