import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest picks one worker on these 2-core machines; two halve the run.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/crash/**/*.test.ts', 'tests/render/**/*.test.ts'],
          setupFiles: ['tests/fixtures/test-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Inlined so vi.mock('electron') also reaches electron-store's own import of it.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.tsx'],
          setupFiles: ['tests/fixtures/test-setup.ts', 'renderer/src/test/setup.ts'],
          // Isolated per file (the default) on purpose: without it, React, Mantine and the app load
          // once per worker (a third less CPU), but Mantine's notification store carries one
          // file's toasts into the next file's findByRole('alert').
          // A screen test types through whole Mantine forms: ~5 s idle, 20 s seen with both cores busy.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
