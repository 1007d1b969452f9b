import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from '../electron/core/content-security-policy.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer is loaded from file:// in Electron and from the loopback host in a browser,
 * so every asset path is relative (`base: './'`).
 */
export default defineConfig({
  root,
  base: './',
  plugins: [
    react(),
    {
      // The page carries the same policy as the header both hosts send; frame-ancestors
      // only works as a header, so it is left out of the meta tag.
      name: 'ppid-csp',
      transformIndexHtml: (html) =>
        html.replace(
          '%PPID_CSP%',
          CONTENT_SECURITY_POLICY.split('; ')
            .filter((d) => !d.startsWith('frame-ancestors'))
            .join('; '),
        ),
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // One office machine, no CDN: a few larger chunks beat many small requests.
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: { strictPort: true },
});
