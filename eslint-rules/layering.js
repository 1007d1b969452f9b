import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * `layering/zones`: which folder may import what, checked on the resolved path.
 *
 * `no-restricted-imports` only sees the specifier text, so a rule like "the domain imports no
 * store" has to guess how many `../` lead out of the domain, and a file one folder deeper slips
 * through. This rule resolves every relative specifier against the importing file, so a zone is
 * written as repository folders ("electron/core/domain may import only electron/core/domain")
 * and holds at any depth.
 *
 * Options: `{ root, zones }`. `root` is the repository folder (absolute). Each zone:
 *   from:      repository paths (folder or file, no extension) whose files the zone governs
 *   except:    repository paths under `from` that the zone does not govern
 *   paths:     { only: [...] } or { forbid: [...], allow: [...] } for imports inside the repository
 *   packages:  { only: [...] } or { forbid: [...] } for bare specifiers; 'name' covers 'name/sub'
 *   builtins:  false to forbid Node built-ins ('fs', 'node:fs', …)
 *   message:   why, in a sentence the reader can act on
 * A file in several zones must satisfy all of them; a breach is reported once, by the closest zone.
 */

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.replace(/^node:/, '')]));
const EXTENSIONS = /\.(?:[cm]?[jt]sx?|d\.ts)$/;

const posix = (p) => p.split(path.sep).join('/');

/** 'a/b' covers 'a/b', 'a/b/c' and the file 'a/b.ts' (the extension is already stripped). */
function covers(prefix, target) {
  const p = prefix.replace(/\/$/, '');
  return target === p || target.startsWith(`${p}/`);
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** 'name' matches the package and its subpaths; 'scope/*' matches any package of the scope. */
function packageMatches(pattern, spec) {
  if (pattern.endsWith('/*')) return spec.startsWith(pattern.slice(0, -1));
  return packageName(spec) === pattern || spec === pattern;
}

/** What an import names: a repository path, a package, a built-in, or something outside the repo. */
export function classify(spec, filename, root) {
  const bare = spec.replace(/[?#].*$/, '');
  if (bare.startsWith('.') || path.isAbsolute(bare)) {
    const abs = path.resolve(path.dirname(filename), bare);
    const rel = posix(path.relative(root, abs)).replace(EXTENSIONS, '');
    if (rel.startsWith('..')) return { kind: 'outside', target: rel };
    return { kind: 'path', target: rel.replace(/\/index$/, '') };
  }
  if (bare.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(packageName(bare))) return { kind: 'builtin', target: bare };
  return { kind: 'package', target: bare };
}

function violation(zone, found) {
  if (found.kind === 'builtin') return zone.builtins === false;
  if (found.kind === 'package' && zone.packages) {
    const { only, forbid } = zone.packages;
    if (only) return !only.some((p) => packageMatches(p, found.target));
    if (forbid) return forbid.some((p) => packageMatches(p, found.target));
  }
  if (found.kind === 'path' && zone.paths) {
    const { only, forbid, allow = [] } = zone.paths;
    if (only) return !only.some((p) => covers(p, found.target));
    if (forbid) return forbid.some((p) => covers(p, found.target)) && !allow.some((p) => covers(p, found.target));
  }
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports stay inside the layer a folder belongs to, judged on the resolved path.' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, zones: { type: 'array' } },
        required: ['root', 'zones'],
        additionalProperties: false,
      },
    ],
    messages: { layering: "{{message}} ('{{spec}}' is {{target}})" },
  },
  create(context) {
    const { root, zones } = context.options[0];
    const file = posix(path.relative(root, context.filename)).replace(EXTENSIONS, '');
    const depth = (z) => Math.max(...z.from.filter((f) => covers(f, file)).map((f) => f.length));
    // Most specific zone first: an import that breaks two zones is reported once, with the closer reason.
    const mine = zones
      .filter((z) => z.from.some((f) => covers(f, file)) && !(z.except ?? []).some((e) => covers(e, file)))
      .sort((a, b) => depth(b) - depth(a));
    if (mine.length === 0) return {};

    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const found = classify(source.value, context.filename, root);
      const zone = mine.find((z) => violation(z, found));
      if (zone) {
        context.report({
          node: source,
          messageId: 'layering',
          data: { message: zone.message, spec: source.value, target: found.kind === 'path' ? found.target : `${found.kind} ${found.target}` },
        });
      }
    };

    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      // typescript-eslint 8 keeps `import('x').T`'s specifier in a literal type; later versions in `source`.
      TSImportType: (n) => check(n.source ?? (n.argument?.type === 'TSLiteralType' ? n.argument.literal : n.argument)),
      TSExternalModuleReference: (n) => check(n.expression),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n.arguments[0]);
      },
    };
  },
};
