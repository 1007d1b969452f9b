import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../electron/core/contract';
import type { Result } from '../../electron/core/result';

const ipcMain = vi.hoisted(() => ({ handle: vi.fn(), removeHandler: vi.fn() }));
vi.mock('electron', () => ({ ipcMain, protocol: { registerSchemesAsPrivileged: vi.fn() } }));

const { makeIpcHandler, registerIpc } = await import('../../electron/main/ipc');
const { isTrustedUrl } = await import('../../electron/main/security');

function setup() {
  const calls: Envelope[] = [];
  const core = {
    invoke: vi.fn(async (envelope: Envelope): Promise<Result<unknown>> => {
      calls.push(envelope);
      return { ok: true, data: { echoed: envelope.name } };
    }),
  };
  const handler = makeIpcHandler(core, isTrustedUrl);
  const from = (url: string | null) => ({ senderFrame: url === null ? null : { url } });
  return { core, calls, handler, from };
}

describe('IPC handler', () => {
  it('passes a well-formed call from the app to the core, rebuilt from its three fields', async () => {
    const { handler, from, calls } = setup();
    const res = await handler(from('app://ppid/masuk'), {
      name: 'auth.login',
      input: { username: 'operator', password: 'x' },
      session: 'tok-1',
      extra: 'dropped',
    });
    expect(res).toEqual({ ok: true, data: { echoed: 'auth.login' } });
    expect(calls).toEqual([{ name: 'auth.login', input: { username: 'operator', password: 'x' }, session: 'tok-1' }]);
  });

  it('treats a missing or null session as "not logged in"', async () => {
    const { handler, from, calls } = setup();
    await handler(from('app://ppid/'), { name: 'app.status' });
    await handler(from('app://ppid/'), { name: 'app.status', session: null });
    expect(calls).toEqual([
      { name: 'app.status', input: undefined },
      { name: 'app.status', input: undefined },
    ]);
    expect(calls.every((c) => !('session' in c))).toBe(true);
  });

  it.each([
    ['a file:// page', 'file:///C:/Users/x/Downloads/evil.html'],
    ['a web page', 'https://evil.example/'],
    ['a lookalike origin', 'app://ppid@evil/'],
    ['a destroyed frame', null],
  ])('refuses calls from %s without reaching the core', async (_label, url) => {
    const { handler, from, core } = setup();
    const res = await handler(from(url), { name: 'app.status' });
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it('refuses when reading the sender frame throws', async () => {
    const { handler, core } = setup();
    const event = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await handler(event, { name: 'app.status' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(core.invoke).not.toHaveBeenCalled();
  });

  class Sneaky {
    name = 'app.status';
  }

  it.each([
    ['null', null],
    ['a string', 'app.status'],
    ['an array', ['app.status']],
    ['no name', { input: {} }],
    ['a numeric name', { name: 5 }],
    ['a class instance', new Sneaky()],
    ['a numeric session', { name: 'app.status', session: 42 }],
    ['an object session', { name: 'app.status', session: { token: 'x' } }],
  ])('refuses a malformed envelope (%s)', async (_label, raw) => {
    const { handler, from, core } = setup();
    const res = await handler(from('app://ppid/'), raw);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it.each(['__proto__', 'constructor', 'toString', 'fs.readFile', ''])('refuses unknown call name %j', async (name) => {
    const { handler, from, core } = setup();
    expect(await handler(from('app://ppid/'), { name })).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' });
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it('turns a core that throws into an INTERNAL result, never a rejected promise', async () => {
    const log = vi.fn();
    const handler = makeIpcHandler({ invoke: () => Promise.reject(new Error('boom')) }, isTrustedUrl, log);
    const res = await handler({ senderFrame: { url: 'app://ppid/' } }, { name: 'app.status' });
    expect(res).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
    expect(log).toHaveBeenCalledOnce();
  });

  it('registers on the contract channel and can be removed', () => {
    const undo = registerIpc({ invoke: vi.fn() });
    expect(ipcMain.handle).toHaveBeenCalledWith('ppid:invoke', expect.any(Function));
    undo();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('ppid:invoke');
  });
});
