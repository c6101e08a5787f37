import { defineConfig } from '@playwright/test';

const appPort = Number(process.env.PARLEY_APP_PORT ?? 4317);
/** Where the interpretation test's stand-in translation service listens. */
export const translationServicePort = appPort + 1;
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
    // The built app, served as a deployment serves it (scripts/serve.ts), never an older build.
    command: `npm run build && node tests/setup/test-config.js build ${translationServicePort} && node scripts/serve.ts build ${appPort}`,
    url: `http://127.0.0.1:${appPort}`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { PARLEY_APP_PORT: String(appPort) }
  }
});
