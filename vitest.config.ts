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
          setupFiles: ['renderer/src/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
