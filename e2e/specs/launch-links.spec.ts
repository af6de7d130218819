import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, GATEWAY_BUTTON, lastTurn, openSession, sendMessage } from "../support/chat-page";

const GATEWAY_URL = process.env.CLAWSCOPE_E2E_GATEWAY_URL ?? "";
const GATEWAY_TOKEN = process.env.CLAWSCOPE_E2E_GATEWAY_TOKEN ?? "";
const REMOVED_NOTE = "(link removed: it would change Clawscope's gateway, token or session)";

test.beforeAll(() => {
  expect(GATEWAY_URL).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
  expect(GATEWAY_TOKEN.length).toBeGreaterThan(8);
});

/** Everything this origin keeps in web storage, as one text to search for secrets. */
function webStorage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (storage: Storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`);
    return [...dump(localStorage), ...dump(sessionStorage)].join("\n");
  });
}

function localStorageText(page: Page): Promise<string> {
  return page.evaluate(() => Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`).join("\n"));
}

/** The rows of one IndexedDB store of Clawscope's database. */
function indexedRows(page: Page, store: "device-tokens" | "run-logs" | "outbox"): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = indexedDB.open("clawscope");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result as Record<string, unknown>[]);
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

/** The gateways this page opened sockets to. */
function recordSockets(page: Page): string[] {
  const urls: string[] = [];
  page.on("websocket", (socket) => urls.push(socket.url()));
  return urls;
}

test("links in a model reply that would change the gateway or the token are inert, and opening them asks first", async ({ page, context }) => {
  await openSession(page, "hostile-links");
  await sendMessage(page, "Where is my report? fake:hostilelinks");
  const turn = lastTurn(page);
  await expect(turn).toContainText(`Your report ${REMOVED_NOTE} is ready.`);
  await expect(turn).toContainText(`try this link ${REMOVED_NOTE} or read the docs.`);
  await expect(turn.getByRole("link", { name: "the docs" })).toHaveAttribute("href", "https://example.com/docs");
  await expect(turn.getByRole("link", { name: "report" })).toHaveCount(0);
  await expect(turn.getByRole("link", { name: "this link" })).toHaveCount(0);
  await expect(page.locator('a[href*="gatewayUrl"], a[href*="token="]')).toHaveCount(0);

  // Pasted into a new tab by hand, the gateway link still asks, naming both gateways; Keep current keeps the embedded one.
  const pasted = await context.newPage();
  const sockets = recordSockets(pasted);
  await pasted.goto("/?gatewayUrl=wss%3A%2F%2Fattacker.example");
  const question = pasted.getByRole("dialog", { name: `Connect to wss://attacker.example instead of ${GATEWAY_URL}?` });
  await expect(question).toBeVisible();
  await expect(question.getByRole("button", { name: "Keep current" })).toBeFocused();
  await question.getByRole("button", { name: "Keep current" }).click();
  await expect(question).toBeHidden();
  await expect(connectionStatus(pasted)).toContainText("Connected", { timeout: 60_000 });
  await pasted.reload();
  await expect(connectionStatus(pasted)).toContainText("Connected", { timeout: 60_000 });
  await expect(pasted.getByRole("dialog")).toHaveCount(0);
  expect(sockets.length).toBeGreaterThan(0);
  expect(sockets.every((url) => url.startsWith(GATEWAY_URL))).toBe(true);
  expect(await webStorage(pasted)).not.toContain("attacker.example");

  // A one-time #token= leaves the address bar at once, and is neither used nor stored without consent.
  const tokenLink = await context.newPage();
  await tokenLink.goto("/#token=junk");
  const tokenQuestion = tokenLink.getByRole("dialog", { name: `Use the token from this link for ${GATEWAY_URL}?` });
  await expect(tokenQuestion).toBeVisible();
  expect(tokenLink.url()).not.toContain("junk");
  expect(await webStorage(tokenLink)).not.toContain("junk");
  await tokenLink.keyboard.press("Escape");
  await expect(tokenQuestion).toBeHidden();
  await expect(connectionStatus(tokenLink)).toContainText("Connected", { timeout: 60_000 });
  expect(await webStorage(tokenLink)).not.toContain("junk");
});

test("a gateway link the user accepts is used in that tab only", async ({ page, context }) => {
  const sockets = recordSockets(page);
  await page.goto(`/?gatewayUrl=${encodeURIComponent("ws://127.0.0.1:9")}`);
  const question = page.getByRole("dialog", { name: `Connect to ws://127.0.0.1:9 instead of ${GATEWAY_URL}?` });
  await question.getByRole("button", { name: "Connect" }).click();
  await expect.poll(() => sockets.some((url) => url.startsWith("ws://127.0.0.1:9/") || url === "ws://127.0.0.1:9")).toBe(true);
  expect(await localStorageText(page)).not.toContain("127.0.0.1:9\"");

  // A later tab is back on the embedded gateway: a link's choice does not outlive its tab.
  const later = await context.newPage();
  await later.goto("/");
  await expect(connectionStatus(later)).toContainText("Connected", { timeout: 60_000 });
});

test("the gateway token stays out of localStorage unless Remember on this device is checked", async ({ page }) => {
  await openSession(page, "remember");
  expect(await localStorageText(page)).not.toContain(GATEWAY_TOKEN);

  await page.getByRole("button", { name: "Gateway settings" }).click();
  const form = page.getByRole("form", { name: "Gateway connection" });
  await form.getByLabel("Gateway token").fill(GATEWAY_TOKEN);
  await expect(form.getByRole("checkbox", { name: "Remember on this device" })).not.toBeChecked();
  await form.getByRole("button", { name: "Connect" }).click();
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  expect(await localStorageText(page)).not.toContain(GATEWAY_TOKEN);

  await form.getByRole("checkbox", { name: "Remember on this device" }).check();
  await form.getByRole("button", { name: "Connect" }).click();
  await expect.poll(() => localStorageText(page)).toContain(GATEWAY_TOKEN);

  await form.getByRole("checkbox", { name: "Remember on this device" }).uncheck();
  await form.getByRole("button", { name: "Connect" }).click();
  await expect.poll(() => localStorageText(page)).not.toContain(GATEWAY_TOKEN);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
});

test("the tab asks the gateway for read, write and approvals, not admin", async ({ page }) => {
  const connects: unknown[] = [];
  page.on("websocket", (socket) =>
    socket.on("framesent", ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { method?: string; params?: { scopes?: unknown } };
      if (frame.method === "connect") connects.push(frame.params?.scopes);
    }),
  );
  await openSession(page, "scopes");
  expect(connects).toEqual([["operator.read", "operator.write", "operator.approvals"]]);
});

test("Forget this gateway removes its token, device token and local data from the browser", async ({ page }) => {
  await openSession(page, "forget");
  await sendMessage(page, "Something to remember. fake:text");
  await expect(lastTurn(page)).toContainText("Here is a scripted reply from the fake model.");
  await page.getByRole("textbox", { name: "Message" }).fill("an unsent draft");
  await expect.poll(async () => (await indexedRows(page, "run-logs")).length).toBeGreaterThan(0);
  expect((await indexedRows(page, "device-tokens")).length).toBeGreaterThan(0);
  expect(await webStorage(page)).toContain(GATEWAY_TOKEN);

  await page.getByRole("button", { name: GATEWAY_BUTTON }).click();
  const panel = page.getByRole("dialog", { name: "Gateway" });
  await panel.getByRole("button", { name: "Forget this gateway" }).click();
  const confirm = panel.getByRole("alertdialog", { name: `Forget ${GATEWAY_URL}?` });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Forget", exact: true }).click();

  const escapedUrl = GATEWAY_URL.replace(/[.]/g, "\\.");
  await expect(page.getByRole("status")).toHaveText(
    new RegExp(
      `^Forgot ${escapedUrl}: removed its gateway token, 1 device token, [1-9]\\d* run logs?, 0 waiting messages and 1 draft or held message from this browser\\.$`,
    ),
  );
  await expect(page.getByRole("form", { name: "Gateway connection" })).toBeVisible();
  const stored = await webStorage(page);
  expect(stored).not.toContain(GATEWAY_TOKEN);
  expect(stored).not.toContain("clawscope.connection");
  expect(stored).not.toContain("an unsent draft");
  expect(await indexedRows(page, "device-tokens")).toEqual([]);
  expect(await indexedRows(page, "run-logs")).toEqual([]);
  expect(await indexedRows(page, "outbox")).toEqual([]);
});
