import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, GATEWAY_BUTTON, lastTurn, openSession, sendMessage, uniqueSession } from "../support/chat-page";

/** The run logs as the first storage schema (version 1) wrote them: two real runs, one a 429 recovered after retries. */
const fixture = JSON.parse(readFileSync(new URL("../../src/testing/fixtures/run-logs-v1.json", import.meta.url), "utf8")) as {
  records: Array<{ key: string; runId: string; sessionKey: string; gatewayScope: string; updatedAt: number; signals: Array<{ kind: string; at: number; runId: string; sessionKey?: string; attempt?: number }> }>;
};
const retried = fixture.records.find((record) => record.signals.some((signal) => signal.kind === "retry"));
if (!retried) throw new Error("the v1 fixture has no retried run");
const retryAttempts = new Set(retried.signals.filter((signal) => signal.kind === "retry").map((signal) => signal.attempt)).size;

async function openTimeline(page: Page) {
  const toggle = lastTurn(page).getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return lastTurn(page).getByRole("region", { name: "Run timeline" });
}

test("a run log this browser cannot write says so on the message", async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      if (this.name === "run-logs") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  await openSession(page, "storage-full");
  await sendMessage(page, "Hello there.");
  const note = lastTurn(page).getByRole("status", { name: "Run log" });
  await expect(note).toHaveText(
    "Not saved — keep this tab open · This browser's storage is full: after a reload only the gateway's history would show this run.",
  );
  await expect(lastTurn(page)).toContainText("fake:tool", { timeout: 90_000 });
});

test("a run log stored by the first schema still loads after the app upgrades the database", async ({ page, browser }) => {
  // A real run of a real session, so the transcript has its turn.
  const sessionKey = await openSession(page, "schema-v1");
  await sendMessage(page, "Hello there.");
  await expect(lastTurn(page)).toContainText("fake:tool", { timeout: 90_000 });
  const stored = await page.evaluate(async (session) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("clawscope");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Array<{ key: string; gatewayScope: string; runId: string; run: { createdAt: number } }>>((resolve, reject) => {
      const request = db.transaction("run-logs").objectStore("run-logs").getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    // This page also logs what it saw live of other sessions' runs.
    return rows.filter((row) => row.key.includes(`|${session}|`));
  }, sessionKey);
  expect(stored).toHaveLength(1);
  const { gatewayScope, runId, run } = stored[0]!;

  // Another browser profile that ran the first schema: its log of that run holds the fixture's 429 retries.
  const context = await browser.newContext();
  const older = await context.newPage();
  const shift = run.createdAt - (retried.signals[0]?.at ?? 0);
  const record = {
    ...retried,
    key: `${gatewayScope}|${sessionKey}|${runId}`,
    gatewayScope,
    sessionKey,
    runId,
    signals: retried.signals.map((signal) => ({ ...signal, runId, sessionKey, at: signal.at + shift })),
  };
  await older.route("**/seed-version-1", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>seed</title>" }));
  await older.goto("/seed-version-1");
  await older.evaluate(async (v1Record) => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open("clawscope", 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore("device-keys", { keyPath: "id" });
        db.createObjectStore("device-tokens", { keyPath: "key" });
        const runLogs = db.createObjectStore("run-logs", { keyPath: "key" });
        runLogs.createIndex("by-session", ["gatewayScope", "sessionKey"]);
        runLogs.createIndex("by-updated", "updatedAt");
        db.createObjectStore("outbox", { keyPath: "idempotencyKey" }).createIndex("by-session", ["gatewayScope", "sessionKey"]);
        runLogs.put(v1Record);
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
  }, record);
  await older.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(older)).toContainText("Connected", { timeout: 60_000 });
  await expect(lastTurn(older)).toContainText("fake:tool");
  const timeline = await openTimeline(older);
  await expect(timeline.getByRole("listitem").filter({ hasText: /retry\s*attempt \d+ of 10/ })).toHaveCount(retryAttempts);
  await expect(timeline.getByText(/attempt 2 of 10, rate limit/)).toBeVisible();
  expect(await older.evaluate(() => new Promise<number>((resolve) => {
    const request = indexedDB.open("clawscope");
    request.onsuccess = () => {
      resolve(request.result.version);
      request.result.close();
    };
  }))).toBe(2);
  await context.close();
});

test("the Gateway panel says what this browser stores for the gateway and whether it is persistent", async ({ page }) => {
  await page.goto(`/?session=${encodeURIComponent(uniqueSession("storage-line"))}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await page.getByRole("button", { name: GATEWAY_BUTTON }).click();
  const storage = page.getByRole("dialog", { name: "Gateway" }).getByLabel("Storage in this browser");
  await expect(storage).toContainText(/^(No run logs yet|Run logs \d+(\.\d)? [KM]?B of 8\.0 MB) · this site [\d.]+ [KMG]?B of [\d.]+ [KMGT]?B · (persistent|not persistent: the browser may clear it when space runs low)$/);
});
