import * as sync from './services/sync';
import type { CallName, OutputOf, ParsedInputOf } from './contract';
import type { CallContext } from './services/context';
import * as auth from './services/auth';
import * as users from './services/users';
import { loadDemo, demoAccounts } from './services/demo';
import { completeSetup } from './services/setup';
import { setEmblem, settingsView, updateSettings } from './services/settings-service';
import { AppError } from './result';
import * as cycles from './services/cycles';
import { buildDocument, fingerprints, saveDocument, savePdf, verifyDocument } from './services/documents';
import { restoreCycle } from './services/recovery';
import * as devices from './services/devices';
import * as officePackage from './services/office-package';
import { publishDocument } from './services/publish';
import { listReminders } from './services/reminders';
import * as archive from './services/archive';
import * as backup from './services/backup';
import * as regency from './services/regency-views';
import * as intake from './services/regency-intake';
import * as regencyKeys from './services/regency-keys';
import * as sharedFolders from './services/shared-folders';
import * as relay from './services/relay';
import * as regencyRelay from './services/regency-relay';

export type Handler<K extends CallName> = (ctx: CallContext, input: ParsedInputOf<K>) => Promise<OutputOf<K>> | OutputOf<K>;
export type Handlers = { [K in CallName]: Handler<K> };

/**
 * The use-cases behind the contract. `app.status` and `recovery.restoreBackup` live in
 * the core itself, since they must work when the stores could not be opened; so do
 * `backup.restore` and `setup.restoreBackup`, which close and reopen the stores.
 */
export const handlers = {
  'app.status': () => {
    throw new AppError('INTERNAL', 'app.status ditangani oleh core.');
  },
  'recovery.restoreBackup': () => {
    throw new AppError('INTERNAL', 'recovery.restoreBackup ditangani oleh core.');
  },
  'recovery.restoreCycle': (ctx, input) => restoreCycle(ctx, input),
  'setup.complete': (ctx, input) => completeSetup(ctx, input),
  'setup.loadDemo': (ctx, input) => loadDemo(ctx, input),
  'setup.previewJoin': (ctx, input) => officePackage.previewJoin(ctx, input),
  'setup.join': (ctx, input) => officePackage.joinOffice(ctx, input),
  'auth.login': (ctx, input) => auth.login(ctx, input),
  'auth.logout': (ctx) => auth.logout(ctx),
  'auth.me': (ctx) => auth.me(ctx),
  'auth.demoAccounts': (ctx) => demoAccounts(ctx),
  'auth.changePassword': (ctx, input) => auth.changePassword(ctx, input),
  'settings.get': (ctx) => settingsView(ctx.stores),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'settings.setEmblem': (ctx, input) => setEmblem(ctx, input),
  'users.list': (ctx) => users.listUsers(ctx),
  'users.create': (ctx, input) => users.createUser(ctx, input),
  'users.update': (ctx, input) => users.updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => users.resetPassword(ctx, input),
  'devices.self': (ctx) => devices.selfView(ctx),
  'devices.renameSelf': (ctx, input) => devices.renameSelf(ctx, input),
  'devices.list': (ctx) => devices.listDevices(ctx),
  'devices.trust': (ctx, input) => devices.trustDevice(ctx, input),
  'devices.setRoles': (ctx, input) => devices.setDeviceRoles(ctx, input),
  'devices.revoke': (ctx, input) => devices.revokeDevice(ctx, input),
  'audit.listApp': (ctx, input) =>
    ctx.stores.audit
      .latest(input.limit)
      .map((e) => ({ id: e.id, at: e.at, actor: e.actor && { username: e.actor.username, role: e.actor.role }, action: e.action, summary: e.summary, changes: e.changes })),
  'cycles.list': (ctx) => cycles.listCycles(ctx),
  'cycles.create': (ctx, input) => cycles.createCycle(ctx, input),
  'cycles.get': (ctx, input) => cycles.cycleView(ctx, input.cycleId),
  'cycles.addItems': (ctx, input) => cycles.addItems(ctx, input),
  'cycles.updateItem': (ctx, input) => cycles.updateItem(ctx, input),
  'cycles.removeItem': (ctx, input) => cycles.removeItem(ctx, input),
  'cycles.saveNotaDinas': (ctx, input) => cycles.saveNotaDinas(ctx, input),
  'cycles.markReview': (ctx, input) => cycles.markReview(ctx, input),
  'cycles.markUnchanged': (ctx, input) => cycles.markUnchanged(ctx, input),
  'cycles.act': (ctx, input) => cycles.act(ctx, input),
  'cycles.signingPreview': (ctx, input) => cycles.signingPreview(ctx, input),
  'cycles.recordUji': (ctx, input) => cycles.recordUji(ctx, input),
  'cycles.timeline': (ctx, input) => cycles.timeline(ctx, input),
  'cycles.attach': (ctx, input) => cycles.attach(ctx, input),
  'cycles.detach': (ctx, input) => cycles.detach(ctx, input),
  'cycles.attachmentContent': (ctx, input) => cycles.attachmentContent(ctx, input),
  'cycles.changes': (ctx, input) => cycles.changes(ctx, input),
  'documents.build': (ctx, input) => buildDocument(ctx, input),
  'documents.save': (ctx, input) => saveDocument(ctx, input),
  'documents.savePdf': (ctx, input) => savePdf(ctx, input),
  'documents.fingerprints': (ctx, input) => fingerprints(ctx, input),
  'documents.verify': (ctx, input) => verifyDocument(ctx, input),
  'documents.publish': (ctx, input) => publishDocument(ctx, input),
  'reminders.list': (ctx, input) => listReminders(ctx, input),
  'cycles.resolveConflict': (ctx, input) => cycles.resolveConflict(ctx, input),
  'sync.export': (ctx, input) => sync.exportPackage(ctx, input),
  'sync.preview': (ctx, input) => sync.previewPackage(ctx, input),
  'sync.apply': (ctx, input) => sync.applyPackage(ctx, input),
  'sync.history': (ctx) => sync.packageHistory(ctx),
  'sharedFolders.get': (ctx) => sharedFolders.sharedFoldersSettings(ctx),
  'sharedFolders.set': (ctx, input) => sharedFolders.setSharedFolders(ctx, input),
  'sharedFolders.status': (ctx) => sharedFolders.sharedFoldersStatus(ctx),
  'sharedFolders.chooseFolder': async (ctx, input) => {
    if (!ctx.stores.platform.chooseFolder) throw new AppError('CONFLICT', 'Pemilihan folder hanya tersedia di aplikasi desktop. Tulis alamat foldernya.');
    return { folder: await ctx.stores.platform.chooseFolder(input.which === 'outbox' ? 'Pilih folder keluar (paket yang dikirim)' : 'Pilih folder masuk (paket yang diterima)') };
  },
  'sharedFolders.preview': (ctx, input) => sharedFolders.previewWaiting(ctx, input),
  'sharedFolders.dismiss': (ctx, input) => sharedFolders.dismissWaiting(ctx, input),
  'relay.get': (ctx) => relay.getRelay(ctx),
  'relay.set': (ctx, input) => relay.setRelay(ctx, input),
  'relay.status': (ctx) => relay.relayStatus(ctx),
  'relay.syncNow': (ctx) => relay.syncNow(ctx),
  'relay.trustDevice': (ctx, input) => relay.trustRelayDevice(ctx, input),
  'office.exportPackage': (ctx, input) => officePackage.exportOfficePackage(ctx, input),
  'archive.list': (ctx) => archive.listArchive(ctx),
  'archive.checkScan': (ctx, input) => archive.checkScan(ctx, input),
  'archive.fileScan': (ctx, input) => archive.fileScan(ctx, input),
  'archive.openScan': (ctx, input) => archive.openScan(ctx, input),
  // The core runs backup.create with every other call held back, so the copy is one moment's data.
  'backup.create': (ctx, input) => backup.createBackup(ctx, input),
  'backup.preview': (ctx, input) => backup.previewBackup(ctx.stores, input),
  'backup.restore': () => {
    throw new AppError('INTERNAL', 'backup.restore ditangani oleh core.');
  },
  'backup.status': (ctx) => backup.backupStatus(ctx),
  'backup.settings.get': (ctx) => backup.backupSettings(ctx),
  'backup.settings.set': (ctx, input) => backup.setBackupSettings(ctx, input),
  'backup.chooseFolder': async (ctx) => {
    if (!ctx.stores.platform.chooseFolder) throw new AppError('CONFLICT', 'Pemilihan folder hanya tersedia di aplikasi desktop. Tulis alamat foldernya.');
    return { folder: await ctx.stores.platform.chooseFolder('Pilih folder cadangan otomatis') };
  },
  'setup.previewBackup': (ctx, input) => backup.previewBackup(ctx.stores, input),
  'setup.restoreBackup': () => {
    throw new AppError('INTERNAL', 'setup.restoreBackup ditangani oleh core.');
  },
  // PPID Utama mode (issue 13): the intake and register (regency-intake.ts), the views and documents (regency-views.ts).
  'utama.register': (ctx, input) => regency.register(ctx, input),
  'utama.entries': (ctx) => intake.listEntries(ctx),
  'utama.saveEntry': (ctx, input) => intake.saveEntry(ctx, input),
  'utama.check': (ctx, input) => intake.checkPackage(ctx, input),
  'utama.apply': (ctx, input) => intake.applyPackage(ctx, input),
  'utama.waiting': (ctx) => intake.waitingPackages(ctx),
  'utama.trustSender': (ctx, input) => intake.trustSender(ctx, input),
  'utama.revokeKey': (ctx, input) => regencyKeys.revokeKey(ctx, input),
  'utama.relayWaiting': (ctx) => regencyRelay.relayWaiting(ctx),
  'utama.trustRelayDevice': (ctx, input) => regencyRelay.trustRelayDevice(ctx, input),
  'utama.search': (ctx, input) => regency.search(ctx, input),
  'utama.documentData': (ctx, input) => regency.documentData(ctx, input),
  'utama.buildDocument': (ctx, input) => regency.buildDocument(ctx, input),
  'utama.sign': (ctx, input) => regency.sign(ctx, input),
} satisfies Handlers;

