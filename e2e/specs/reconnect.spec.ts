/**
 * A real outage: the gateway is stopped (SIGTERM: `shutdown`, close 1012) and
 * stays down for most of a minute. The page must back off (not try every
 * 1.4 s), say how many attempts it made, and be back by itself once the
 * gateway is started again.
 */
import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage } from "../support/chat-page";
import { controlGateway } from "../support/gateway-control";

test.setTimeout(300_000);

const OUTAGE_MS = 45_000;

/** Counts the sockets the page opens to the gateway (the UI server's own traffic is plain HTTP). */
async function countSockets(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const opened: number[] = [];
    (window as unknown as { __socketsOpened: number[] }).__socketsOpened = opened;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        opened.push(Date.now());
      }
    };
  });
}

const socketsOpened = (page: Page) => page.evaluate(() => (window as unknown as { __socketsOpened: number[] }).__socketsOpened.length);

async function attemptsShown(page: Page): Promise<number> {
  const text = (await connectionStatus(page).textContent()) ?? "";
  const match = /(\d+) attempts? so far|attempt (\d+)\)/.exec(text);
  return match ? Number(match[1] ?? match[2]) : 0;
}

test.afterEach(async () => {
  await controlGateway("ensure-running");
});

test("a gateway down for most of a minute: the page backs off, counts its attempts, and is back by itself", async ({ page }) => {
  await countSockets(page);
  await openSession(page, "reconnect");
  expect(await socketsOpened(page)).toBe(1);

  const downSince = Date.now();
  // Resolves once the gateway has exited; the page is already retrying by then.
  await controlGateway("sigterm");
  await expect(connectionStatus(page)).toContainText("Gateway restarting");
  const midway = await attemptsShown(page);
  await page.waitForTimeout(OUTAGE_MS);
  const shown = await attemptsShown(page);
  const attempts = (await socketsOpened(page)) - 1;
  const elapsedMs = Date.now() - downSince;
  const times = await page.evaluate(() => (window as unknown as { __socketsOpened: number[] }).__socketsOpened);
  console.log(`outage ${Math.round(elapsedMs / 1000)} s: ${attempts} attempts at ${times.slice(1).map((t) => `${((t - downSince) / 1000).toFixed(1)} s`).join(", ")}`);

  // Backoff (2 s, then full jitter under 2, 4, 8, 16, 30 s ceilings). The fault this guards retried
  // every 1.4 s: one attempt per 1.4 s of outage; this must stay under a third of that.
  expect(attempts).toBeGreaterThanOrEqual(4);
  expect(attempts).toBeLessThan(elapsedMs / 1_400 / 3);
  // The counter the user reads climbs with the attempts and matches the sockets opened (one may start between the two reads).
  expect(shown).toBeGreaterThan(midway);
  expect(attempts - shown).toBeGreaterThanOrEqual(0);
  expect(attempts - shown).toBeLessThanOrEqual(1);
  await expect(connectionStatus(page)).toContainText(/Next try in \d+ s · \d+ attempts? so far|Trying now \(attempt \d+\)/);
  await expect(page.getByRole("button", { name: "Retry now" })).toBeVisible();

  await controlGateway("start");
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 120_000 });
  await sendMessage(page, "Are you back after the outage?");
  await expect(lastTurn(page)).toContainText("You said: “Are you back after the outage?”", { timeout: 60_000 });
});
