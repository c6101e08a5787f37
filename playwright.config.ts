import { defineConfig } from '@playwright/test';

const appPort = Number(process.env.PARLEY_APP_PORT ?? 4317);
export const chromiumPath = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync']
    }
  },
  projects: [
    { name: 'e2e', testIgnore: /server-audit/ },
    // Reads the homeserver's database after every other test has sent its messages.
    { name: 'server-audit', testMatch: /server-audit/, dependencies: ['e2e'] }
  ],
  webServer: {
    // Build first, then serve: rebuilding under a running preview crashes it.
    command: `npm run build && npx vite preview --port ${appPort}`,
    url: `http://127.0.0.1:${appPort}`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    env: { PARLEY_APP_PORT: String(appPort) }
  }
});
