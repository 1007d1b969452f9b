import { CATEGORY_LABELS, ITEM_FIELD_LABELS, type ItemFields } from './information';
import { ROLE_LABELS, type Role } from './roles';
import { conflictKindOf, STEP_INFO, type CycleEvent } from './workflow';
import { ARCHIVE_DOCUMENT_LABELS, SCAN_QR_LABELS } from './archive';

/** One line of a cycle's audit trail, with what changed (old → new). */
export interface TimelineEntry {
  id: string;
  at: string;
  actor: { name: string; username: string; role: Role; roleLabel: string };
  type: CycleEvent['body']['type'];
  summary: string;
  itemId: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
  installationId: string;
}

/** One pass over the log, keeping item fields as they were, so each edit shows its old value. */
export function buildTimeline(events: readonly CycleEvent[]): TimelineEntry[] {
  const items = new Map<string, ItemFields>();
  const out: TimelineEntry[] = [];
  for (const e of events) {
    const b = e.body;
    let summary = '';
    let itemId: string | null = null;
    let changes: TimelineEntry['changes'] = [];
    switch (b.type) {
      case 'cycle.created':
        summary = `Siklus "${b.title}" dimulai${b.carriedFrom ? ' dari DIP sebelumnya' : ''}.`;
        break;
      case 'item.added':
        items.set(b.itemId, b.fields);
        itemId = b.itemId;
        summary = `Informasi ditambahkan: "${b.fields.judul}" (${b.fields.bidang})${b.origin === 'tetap' ? ' — dibawa dari DIP sebelumnya' : ''}.`;
        break;
      case 'item.updated': {
        const before = items.get(b.itemId);
        itemId = b.itemId;
        changes = Object.entries(b.fields)
          .filter(([k, v]) => JSON.stringify(before?.[k as keyof ItemFields]) !== JSON.stringify(v))
          .map(([k, v]) => ({
            field: ITEM_FIELD_LABELS[k as keyof ItemFields] ?? k,
            from: k === 'kategori' ? labelOf(before?.kategori) : (before?.[k as keyof ItemFields] ?? null),
            to: k === 'kategori' ? labelOf(v as string) : v,
          }));
        if (before) items.set(b.itemId, { ...before, ...b.fields });
        summary = `Informasi diubah: "${(before ?? (b.fields as ItemFields)).judul ?? ''}".`;
        break;
      }
      case 'item.removed':
        itemId = b.itemId;
        summary = `Informasi dihapus dari daftar: "${items.get(b.itemId)?.judul ?? ''}".`;
        break;
      case 'item.attached':
        itemId = b.itemId;
        summary = `Berkas dilampirkan pada "${items.get(b.itemId)?.judul ?? ''}": ${b.attachment.name}.`;
        break;
      case 'item.detached':
        itemId = b.itemId;
        summary = `Lampiran dilepas dari "${items.get(b.itemId)?.judul ?? ''}".`;
        break;
      case 'notaDinas.saved':
        summary = 'Konsep Nota Dinas disimpan.';
        break;
      case 'review.marked':
        itemId = b.itemId;
        // A note may end in a full stop of its own (or a title with degrees): one full stop only.
        summary = endSentence(`Pemeriksaan (versi ${b.version}) "${items.get(b.itemId)?.judul ?? ''}": ${b.verdict === 'sesuai' ? 'sesuai' : 'perlu perbaikan'}${b.note ? ` — ${b.note}` : ''}`);
        break;
      case 'merge':
        summary = 'Pekerjaan dari beberapa laptop digabungkan otomatis (tidak ada isian yang bertentangan di antaranya).';
        break;
      case 'conflict.resolved':
        summary = endSentence(`Konflik diselesaikan: ${conflictChoiceText(b.conflictId, b.choice)}`);
        break;
      case 'uji.recorded':
        summary = endSentence(`Uji konsekuensi (Konsep versi ${b.version}) dicatat, diikuti ${b.participants.map((x) => x.name).join(', ')}`);
        break;
      case 'archive.filed': {
        itemId = b.itemId;
        const sheet = b.itemId ? ` untuk "${items.get(b.itemId)?.judul ?? ''}"` : '';
        const qr = SCAN_QR_LABELS[b.qr.status];
        summary = `Pindaian ${ARCHIVE_DOCUMENT_LABELS[b.document]}${sheet} (versi ${b.version}) diarsipkan: ${b.attachment.name} — ${qr.charAt(0).toLowerCase()}${qr.slice(1)}.`;
        break;
      }
      case 'transition': {
        const from = STEP_INFO[b.from].label;
        const to = STEP_INFO[b.to].label;
        summary =
          b.action === 'return'
            ? `Dikembalikan dari "${from}" ke "${to}". Alasan: ${b.reasons}`
            : b.action === 'issueNotaDinas'
              ? `Nota Dinas diterbitkan, nomor ${b.data.notaDinasNumber}.`
              : b.action === 'submitKonsep'
                ? `Konsep DIP versi ${b.data.version} dikirim untuk diperiksa.${
                    b.data.unchangedFlagged?.length
                      ? ` Dikirim meski diperingatkan: ${b.data.unchangedFlagged.length} informasi yang ditandai perlu perbaikan belum diubah.`
                      : ''
                  }`
                : b.action === 'approve' && b.from === 'pemeriksaan_kepala'
                  ? endSentence(`Daftar Informasi Publik disetujui dan ditandatangani oleh ${b.data.signedBy}`)
                  : b.action === 'archive'
                    ? endSentence(`DIK yang telah ditandatangani dicatat sebagai arsip.${b.data.note ? ` ${b.data.note}` : ''}`)
                    : `"${from}" selesai, diteruskan ke "${to}".`;
        changes = [{ field: 'Tahap', from, to }];
        break;
      }
    }
    out.push({
      id: e.id,
      at: e.at,
      actor: { name: e.actor.name, username: e.actor.username, role: e.actor.role, roleLabel: ROLE_LABELS[e.actor.role] },
      type: b.type,
      summary,
      itemId,
      changes,
      installationId: e.installationId,
    });
  }
  return out;
}

function conflictChoiceText(conflictId: string, choice: string): string {
  switch (conflictKindOf(conflictId)) {
    case 'isian':
      return `isian ${ITEM_FIELD_LABELS[conflictId.split(':')[2] as keyof ItemFields] ?? ''} dipilih dari salah satu laptop; isian lain tetap tercatat di riwayat`;
    case 'hapus':
      return choice === 'pulihkan' ? 'informasi yang dihapus dipulihkan beserta perubahannya' : 'informasi tetap dihapus';
    case 'keputusan':
      return 'salah satu dari dua keputusan dipilih; keputusan lain disisihkan dan tetap tercatat';
    case 'terlambat':
      return choice === 'ambil' ? 'pekerjaan yang terlambat diambil' : 'pekerjaan yang terlambat disisihkan (tetap tercatat)';
    default:
      return choice;
  }
}

function labelOf(k: string | undefined): string {
  return k ? (CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS] ?? k) : '';
}

/** Names with degrees end in a dot ("M.Si."): do not add a second one. */
export function endSentence(s: string): string {
  return s.endsWith('.') ? s : `${s}.`;
}
