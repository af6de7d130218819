import { defineConfig } from "@playwright/test";
import { E2E_INSTANCE, E2E_PORTS } from "./e2e/support/ports";

/**
 * One real gateway for the whole run (started in global-setup), the scripted
 * provider beside it, and Debian's Chromium: Playwright cannot download its
 * own browsers here, so it drives the system one.
 */
export default defineConfig({
  testDir: "./e2e/specs",
  outputDir: `./test-results/${E2E_INSTANCE}`,
  globalSetup: "./e2e/support/global-setup.ts",
  // One gateway is shared, so tests run one at a time; each uses its own session.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // The summary says how the wall time splits between setup, the tests and what runs outside them.
  reporter: [["list"], ["./e2e/support/timing-summary.ts"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORTS.ui}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
