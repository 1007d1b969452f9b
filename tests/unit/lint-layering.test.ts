import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rules in eslint.config.js bite: each source below sits at a virtual path in the
 * repository and is linted with the project's own config. A forbidden import must be reported
 * by `layering/zones`; an allowed one must not. The files need not exist: the rule judges the
 * path an import resolves to, which is what keeps `docx` and `node:crypto` out of the renderer
 * and the domain pure.
 */

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
});

/** The specifiers `layering/zones` reports for `code` placed at `file`. */
async function reported(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'layering/zones').map((m) => /'([^']+)' is/.exec(m.message)![1]!);
}

type Case = [file: string, specifier: string];

/** One import per case, written the way code in that file would write it. */
const importOf = (spec: string) => `import { thing } from '${spec}';\nexport { thing };\n`;

describe('the renderer sees of the core only what runs in a browser', () => {
  const forbidden: Case[] = [
    // The DOCX builders pull in `docx`; the fingerprint pulls in node:crypto.
    ['renderer/src/screens/Print.tsx', '../../../electron/core/documents/docx/dip'],
    ['renderer/src/screens/Print.tsx', '../../../electron/core/documents/docx/parts/fingerprint'],
    // Deeper files reach the same modules with more '../': the rule resolves, it does not count.
    ['renderer/src/screens/print/views/List.tsx', '../../../../../electron/core/documents/docx/pack'],
    ['renderer/src/screens/print/views/List.tsx', '../../../../../electron/core/store/app-db'],
    // The documents barrel re-exports the DOCX builders too.
    ['renderer/src/App.tsx', '../../electron/core/documents'],
    ['renderer/src/App.tsx', '../../electron/core/documents/index.ts'],
    ['renderer/src/App.tsx', '../../electron/core/services/cycles'],
    ['renderer/src/App.tsx', '../../electron/core/app-core'],
    ['renderer/src/App.tsx', '../../electron/core/settings'],
    ['renderer/src/App.tsx', '../../electron/host/server'],
    ['renderer/src/App.tsx', '../../electron/main/window'],
    ['renderer/src/App.tsx', '../../electron/preload/index'],
    ['renderer/src/App.tsx', 'node:fs'],
    ['renderer/src/App.tsx', 'crypto'],
    ['renderer/src/App.tsx', 'fs/promises'],
    ['renderer/src/App.tsx', 'electron'],
    ['renderer/src/App.tsx', 'docx'],
    ['renderer/src/App.tsx', 'lowdb'],
  ];
  it.each(forbidden)('%s may not import %s', async (file, spec) => {
    expect(await reported(file, importOf(spec))).toEqual([spec]);
  });

  const allowed: Case[] = [
    ['renderer/src/screens/print/views/List.tsx', '../../../../../electron/core/domain/workflow'],
    ['renderer/src/screens/Print.tsx', '../../../electron/core/documents/shared/rows'],
    ['renderer/src/screens/Print.tsx', '../../../electron/core/domain/document-views'],
    ['renderer/src/api/client.ts', '../../../electron/core/contract'],
    ['renderer/src/api/client.ts', '../../../electron/core/result'],
    ['renderer/src/api/client.ts', '../../../electron/core/bridge'],
    ['renderer/src/api/client.ts', './errors'],
    ['renderer/src/api/client.ts', 'zod'],
    ['renderer/src/App.tsx', '@mantine/core'],
    // The build config runs under Node, not in the page.
    ['renderer/vite.config.ts', 'node:url'],
  ];
  it.each(allowed)('%s may import %s', async (file, spec) => {
    expect(await reported(file, importOf(spec))).toEqual([]);
  });

  it('a type-only import, a re-export and a dynamic import are judged alike', async () => {
    const code = [
      "import type { Core } from '../../electron/core/app-core';",
      "export { hashPassword } from '../../electron/core/services/password';",
      "export * from '../../electron/core/store/app-db';",
      "export const later = () => import('../../electron/core/documents/docx/pack');",
      "export type Db = import('../../electron/core/store/app-db').AppDb;",
      'export type { Core };',
    ].join('\n');
    expect(await reported('renderer/src/App.tsx', code)).toEqual([
      '../../electron/core/app-core',
      '../../electron/core/services/password',
      '../../electron/core/store/app-db',
      '../../electron/core/documents/docx/pack',
      '../../electron/core/store/app-db',
    ]);
  });
});

describe('the domain is pure', () => {
  const forbidden: Case[] = [
    ['electron/core/domain/information.ts', 'node:fs'],
    ['electron/core/domain/information.ts', 'path'],
    ['electron/core/domain/information.ts', '../store/app-db'],
    ['electron/core/domain/information.ts', '../services/cycles'],
    ['electron/core/domain/information.ts', '../documents/shared/rows'],
    ['electron/core/domain/document-views.ts', '../documents/docx/dip'],
    ['electron/core/domain/information.ts', '../settings'],
    ['electron/core/domain/information.ts', '../app-core'],
    // One folder deeper, the same modules are one '../' further away.
    ['electron/core/domain/workflow/decide.ts', '../../store/event-log'],
    ['electron/core/domain/workflow/decide.ts', '../../services/cycles'],
    ['electron/core/domain/workflow/decide.ts', 'node:crypto'],
    ['electron/core/domain/information.ts', 'docx'],
    ['electron/core/domain/information.ts', 'lowdb'],
    ['electron/core/domain/information.ts', 'react'],
  ];
  it.each(forbidden)('%s may not import %s', async (file, spec) => {
    expect(await reported(file, importOf(spec))).toEqual([spec]);
  });

  const allowed: Case[] = [
    ['electron/core/domain/information.ts', 'zod'],
    ['electron/core/domain/zod-locale.ts', 'zod/locales'],
    ['electron/core/domain/workflow/timing.ts', 'date-fns'],
    ['electron/core/domain/workflow/timing.ts', '@date-fns/tz'],
    ['electron/core/domain/workflow/decide.ts', '../roles'],
    ['electron/core/domain/workflow/decide.ts', './sop'],
  ];
  it.each(allowed)('%s may import %s', async (file, spec) => {
    expect(await reported(file, importOf(spec))).toEqual([]);
  });
});

describe('documents/shared runs in the renderer too', () => {
  it.each<Case>([
    ['electron/core/documents/shared/rows.ts', 'docx'],
    ['electron/core/documents/shared/rows.ts', 'node:path'],
    ['electron/core/documents/shared/rows.ts', '../docx/pack'],
    ['electron/core/documents/shared/rows.ts', '../../services/emblem'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await reported(file, importOf(spec))).toEqual([spec]);
  });

  it.each<Case>([
    ['electron/core/documents/shared/rows.ts', '../../domain/office'],
    ['electron/core/documents/shared/rows.ts', './dates'],
  ])('%s may import %s', async (file, spec) => {
    expect(await reported(file, importOf(spec))).toEqual([]);
  });

  it('the contract, which the renderer imports, cannot pull in a service', async () => {
    expect(await reported('electron/core/contract.ts', importOf('./services/cycles'))).toEqual(['./services/cycles']);
    expect(await reported('electron/core/contract.ts', importOf('./domain/workflow'))).toEqual([]);
  });
});

describe('the core does not depend on its callers', () => {
  it.each<Case>([
    ['electron/core/services/cycles.ts', '../../host/server'],
    ['electron/core/app-core.ts', '../main/window'],
    ['electron/core/store/app-db.ts', '../../preload/index'],
    ['electron/core/documents/docx/parts/fingerprint.ts', '../../../../../renderer/src/App'],
    ['electron/core/services/cycles.ts', 'electron'],
    ['electron/core/services/cycles.ts', 'react'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await reported(file, importOf(spec))).toEqual([spec]);
  });

  it('services may use Node, the store and the DOCX builders', async () => {
    const file = 'electron/core/services/cycles.ts';
    for (const spec of ['node:fs', '../store/app-db', '../documents/docx/dip', '../domain/workflow', 'docx']) {
      expect(await reported(file, importOf(spec))).toEqual([]);
    }
  });
});
