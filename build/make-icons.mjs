#!/usr/bin/env node
/**
 * Draws the app icon and the placeholder emblem as SVG and rasterises them with the
 * system Chromium (Debian's /usr/bin/chromium through Playwright; nothing is downloaded).
 *
 *   node build/make-icons.mjs
 *
 * Writes build/icon.svg, build/icon.png (512: electron-builder makes the Windows .ico and the
 * installer's icons from it), resources/icon.png (256, the window icon),
 * build/emblem-default.svg and resources/emblem-default.png (400×480, the demo office's kop
 * surat).
 *
 * The emblem is a generic regency-style shield (star, longhouse, river, rice and cotton,
 * a ribbon reading CONTOH). It copies no real emblem: an office replaces it with its own
 * in Pengaturan.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (...p) => path.join(root, ...p);

const GREEN = '#1e6b45';
const GREEN_DARK = '#134a30';
const GOLD = '#e0a922';
const GOLD_DARK = '#a8770f';
const INK = '#2b2110';

// ---- app icon ----

function iconSvg() {
  const m = 28; // margin around the rounded square
  const lines = [
    `<rect x="172" y="150" width="118" height="20" rx="10" fill="${GREEN}"/>`,
    `<rect x="172" y="196" width="168" height="16" rx="8" fill="#a9c9b5"/>`,
    `<rect x="172" y="232" width="168" height="16" rx="8" fill="#a9c9b5"/>`,
    `<rect x="172" y="268" width="120" height="16" rx="8" fill="#a9c9b5"/>`,
    `<rect x="172" y="304" width="80" height="16" rx="8" fill="#a9c9b5"/>`,
  ].join('');
  const badge = { cx: 358, cy: 364, r: 92, dot: 16, barW: 30, barH: 78 };
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f8f5c"/>
      <stop offset="1" stop-color="${GREEN_DARK}"/>
    </linearGradient>
  </defs>
  <rect x="${m}" y="${m}" width="${512 - 2 * m}" height="${512 - 2 * m}" rx="100" fill="url(#bg)"/>
  <path d="M152 96 H316 L384 164 V412 a18 18 0 0 1 -18 18 H152 a18 18 0 0 1 -18 -18 V114 a18 18 0 0 1 18 -18 Z" fill="#ffffff"/>
  <path d="M316 96 V146 a18 18 0 0 0 18 18 H384 Z" fill="#cfe3d6"/>
  ${lines}
  <circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r}" fill="${GOLD}" stroke="${GREEN_DARK}" stroke-width="14"/>
  <circle cx="${badge.cx}" cy="${badge.cy - badge.barH / 2 - badge.dot + 2}" r="${badge.dot}" fill="#ffffff"/>
  <rect x="${badge.cx - badge.barW / 2}" y="${badge.cy - badge.barH / 2 + 14}" width="${badge.barW}" height="${badge.barH}" rx="${badge.barW / 2.5}" fill="#ffffff"/>
</svg>`;
}

// ---- placeholder emblem ----

function star(cx, cy, rOuter, rInner) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? rOuter : rInner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(' ');
}

/** Items placed along an arc, each turned to follow it (angles in degrees, y down). */
function alongArc(cx, cy, r, fromDeg, toDeg, n, draw) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    const deg = fromDeg + ((toDeg - fromDeg) * i) / (n - 1);
    const a = (deg * Math.PI) / 180;
    parts.push(draw((cx + r * Math.cos(a)).toFixed(1), (cy + r * Math.sin(a)).toFixed(1), deg, i));
  }
  return parts.join('\n    ');
}

function emblemSvg() {
  const shieldOuter = 'M30 34 H370 V236 C370 350 292 418 200 458 C108 418 30 350 30 236 Z';
  const shieldInner = 'M48 52 H352 V236 C352 338 282 398 200 436 C118 398 48 338 48 236 Z';
  const cx = 200;
  const cy = 232;
  // Rice on the left, cotton on the right, rising from the ribbon towards the star.
  const rice = alongArc(cx, cy, 128, 112, 222, 15, (x, y, deg) =>
    `<ellipse cx="${x}" cy="${y}" rx="6.5" ry="13" transform="rotate(${(deg + 90).toFixed(1)} ${x} ${y})" fill="${GOLD}" stroke="${GOLD_DARK}" stroke-width="1.5"/>`,
  );
  const riceStem = `<path d="M${(cx + 118 * Math.cos((106 * Math.PI) / 180)).toFixed(1)} ${(cy + 118 * Math.sin((106 * Math.PI) / 180)).toFixed(1)} A118 118 0 0 1 ${(cx + 118 * Math.cos((222 * Math.PI) / 180)).toFixed(1)} ${(cy + 118 * Math.sin((222 * Math.PI) / 180)).toFixed(1)}" fill="none" stroke="${GOLD_DARK}" stroke-width="3"/>`;
  const cotton = alongArc(cx, cy, 126, 68, -42, 7, (x, y, deg) => {
    const a = ((deg + 90) * Math.PI) / 180;
    const lx = (Number(x) - 12 * Math.cos(a + Math.PI / 2)).toFixed(1);
    const ly = (Number(y) - 12 * Math.sin(a + Math.PI / 2)).toFixed(1);
    return `<g><ellipse cx="${lx}" cy="${ly}" rx="7" ry="12" transform="rotate(${(deg + 180).toFixed(1)} ${lx} ${ly})" fill="#3f9a5f"/><circle cx="${x}" cy="${y}" r="12" fill="#ffffff" stroke="#9aa5a0" stroke-width="1.5"/><circle cx="${(Number(x) - 3).toFixed(1)}" cy="${(Number(y) - 3).toFixed(1)}" r="4" fill="#eef2f0"/></g>`;
  });
  const cottonStem = `<path d="M${(cx + 116 * Math.cos((74 * Math.PI) / 180)).toFixed(1)} ${(cy + 116 * Math.sin((74 * Math.PI) / 180)).toFixed(1)} A116 116 0 0 0 ${(cx + 116 * Math.cos((-42 * Math.PI) / 180)).toFixed(1)} ${(cy + 116 * Math.sin((-42 * Math.PI) / 180)).toFixed(1)}" fill="none" stroke="#2f7d4c" stroke-width="3"/>`;

  // A stylised longhouse (rumah panjang) on stilts: long, low, one ridge.
  const stilts = Array.from({ length: 9 }, (_, i) => `<rect x="${134 + i * 16}" y="262" width="5" height="26" fill="${INK}"/>`).join('');
  const doors = Array.from({ length: 6 }, (_, i) => `<rect x="${142 + i * 21}" y="236" width="9" height="17" fill="#7a3e1d"/>`).join('');
  const longhouse = `
    <polygon points="112,226 288,226 270,194 130,194" fill="#7a3e1d" stroke="${INK}" stroke-width="2.5" stroke-linejoin="round"/>
    <line x1="130" y1="194" x2="270" y2="194" stroke="${GOLD}" stroke-width="3"/>
    <rect x="124" y="226" width="152" height="36" fill="#f4e4c1" stroke="${INK}" stroke-width="2.5"/>
    ${doors}
    <rect x="122" y="260" width="156" height="5" fill="${INK}"/>
    ${stilts}`;

  const river = [300, 318, 336]
    .map(
      (y, i) =>
        `<path d="M40 ${y} q20 -9 40 0 t40 0 t40 0 t40 0 t40 0 t40 0 t40 0 t40 0" fill="none" stroke="${i === 1 ? '#9fd1ee' : '#ffffff'}" stroke-width="6" stroke-linecap="round"/>`,
    )
    .join('\n    ');

  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 480" width="400" height="480">
  <defs>
    <clipPath id="inner"><path d="${shieldInner}"/></clipPath>
    <linearGradient id="field" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2a8456"/>
      <stop offset="1" stop-color="${GREEN_DARK}"/>
    </linearGradient>
  </defs>
  <path d="${shieldOuter}" fill="${GOLD}" stroke="${INK}" stroke-width="4" stroke-linejoin="round"/>
  <path d="${shieldInner}" fill="url(#field)" stroke="${GOLD_DARK}" stroke-width="2"/>
  <g clip-path="url(#inner)">
    <rect x="40" y="290" width="320" height="84" fill="#2f6fa3"/>
    ${river}
  </g>
  <polygon points="${star(200, 104, 34, 14)}" fill="${GOLD}" stroke="${INK}" stroke-width="2.5" stroke-linejoin="round"/>
  ${riceStem}
  <g>
    ${rice}
  </g>
  ${cottonStem}
  <g>
    ${cotton}
  </g>
  <g>${longhouse}
  </g>
  <path d="M52 388 L86 380 L86 420 L52 428 L64 408 Z" fill="#c48a12" stroke="${INK}" stroke-width="2.5" stroke-linejoin="round"/>
  <path d="M348 388 L314 380 L314 420 L348 428 L336 408 Z" fill="#c48a12" stroke="${INK}" stroke-width="2.5" stroke-linejoin="round"/>
  <path d="M78 372 Q200 396 322 372 L322 414 Q200 438 78 414 Z" fill="${GOLD}" stroke="${INK}" stroke-width="3" stroke-linejoin="round"/>
  <text x="200" y="414" text-anchor="middle" font-family="'DejaVu Serif', 'Liberation Serif', Georgia, serif" font-weight="bold" font-size="27" letter-spacing="5" fill="${INK}">CONTOH</text>
</svg>`;
}

// ---- rasterising ----

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body style="margin:0;background:transparent"></body></html>');

  /** SVG drawn straight at the target size (not scaled down from a bitmap), so each size is crisp. */
  const raster = (svg, width, height) =>
    page.evaluate(
      async ({ svg, width, height }) => {
        const img = new Image();
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d');
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(img, 0, 0, width, height);
        return canvas.toDataURL('image/png').split(',')[1];
      },
      { svg, width, height },
    );

  const icon = iconSvg();
  const emblem = emblemSvg();
  await fs.mkdir(out('build'), { recursive: true });
  await fs.mkdir(out('resources'), { recursive: true });
  await fs.writeFile(out('build', 'icon.svg'), icon);
  await fs.writeFile(out('build', 'emblem-default.svg'), emblem);

  await fs.writeFile(out('build', 'icon.png'), Buffer.from(await raster(icon, 512, 512), 'base64'));
  await fs.writeFile(out('resources', 'icon.png'), Buffer.from(await raster(icon, 256, 256), 'base64'));
  await fs.writeFile(out('resources', 'emblem-default.png'), Buffer.from(await raster(emblem, 400, 480), 'base64'));
  console.log('Ikon dan lambang contoh dibuat: build/icon.png, resources/icon.png, resources/emblem-default.png');
} finally {
  await browser.close();
}
