import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, sendMessage, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

interface SessionsList {
  sessions: { key: string; status?: string; lastRunError?: string; modelProvider?: string }[];
}

interface ChatHistory {
  messages?: { role?: string }[];
}

function providerHealth(page: Page) {
  return page.getByRole("status", { name: "Provider health" });
}

async function sessionRow(key: string) {
  const list = await gatewayCall<SessionsList>("sessions.list", { limit: 200 });
  return list.sessions.find((row) => row.key === key);
}

async function openOnProvider(page: Page, name: string, model: string): Promise<string> {
  const sessionKey = uniqueSession(name);
  await gatewayCall("sessions.patch", { key: sessionKey, model });
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  return sessionKey;
}

/** A run on `fakeauth` (never `fake`, which every other test uses) that ends in a 401, sent by an operator client, not this page. */
async function failFakeauthCredential(): Promise<void> {
  const sessionKey = uniqueSession("health-401");
  await gatewayCall("sessions.patch", { key: sessionKey, model: "fakeauth/fake-model" });
  await gatewayCall("chat.send", { sessionKey, message: "Use the locked provider. fake:401", idempotencyKey: crypto.randomUUID() });
  await expect.poll(async () => (await sessionRow(sessionKey))?.status ?? "", { timeout: 60_000 }).toBe("failed");
  // A 401, or (credential already cooling down) the gateway's refusal, which it elides in the middle.
  expect((await sessionRow(sessionKey))?.lastRunError).toMatch(/HTTP 401|auth\/billing failure/);
}

async function userMessagesIn(sessionKey: string): Promise<number> {
  const history = await gatewayCall<ChatHistory>("chat.history", { sessionKey });
  return (history.messages ?? []).filter((message) => message.role === "user").length;
}

/** Latest end of a fakeauth credential cooldown written to the gateway log, if any. */
async function fakeauthCooldownEnd(): Promise<number | undefined> {
  const tail = await gatewayCall<{ lines?: string[] }>("logs.tail", { limit: 5000, maxBytes: 1_000_000 });
  let end: number | undefined;
  for (const raw of tail.lines ?? []) {
    if (!raw.includes("auth_profile_failure_state_updated")) continue;
    const record = JSON.parse(raw) as Record<string, unknown>;
    for (const value of Object.values(record)) {
      const fields = value as { event?: string; provider?: string; cooldownUntil?: number } | null;
      if (fields?.event === "auth_profile_failure_state_updated" && fields.provider === "fakeauth" && typeof fields.cooldownUntil === "number") {
        end = Math.max(end ?? 0, fields.cooldownUntil);
      }
    }
  }
  return end;
}

// Later specs (runs.spec's own 401 test) expect fakeauth healthy: wait out the cooldown, then one good run clears the failure.
test.afterAll(async () => {
  test.setTimeout(180_000);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const end = await fakeauthCooldownEnd();
    if (end !== undefined && end > Date.now()) await new Promise((resolve) => setTimeout(resolve, end - Date.now() + 1000));
    const sessionKey = uniqueSession("health-restore");
    await gatewayCall("sessions.patch", { key: sessionKey, model: "fakeauth/fake-model" });
    await gatewayCall("chat.send", { sessionKey, message: "Are you back?", idempotencyKey: crypto.randomUUID() });
    await expect.poll(async () => (await sessionRow(sessionKey))?.status ?? "", { timeout: 60_000 }).toMatch(/done|failed|error/);
    if ((await sessionRow(sessionKey))?.status === "done") return;
  }
});

test("after a 401 on its own provider, a new session there shows the cooldown before sending, and sending warns first", async ({ page }) => {
  await failFakeauthCredential();
  const sessionKey = await openOnProvider(page, "health-cooldown", "fakeauth/fake-model");

  const health = providerHealth(page);
  await expect(health).toContainText("fakeauth/fake-model");
  await expect(health).toContainText(/in cooldown until \d{2}:\d{2}:\d{2} \(about \d+ s\)/);

  await sendMessage(page, "Hello from the second session.");
  const warning = page.getByRole("alert").filter({ hasText: "Not sent" });
  await expect(warning).toContainText("fakeauth/fake-model");
  await expect(warning).toContainText("Hello from the second session.");
  await expect(warning.getByRole("button", { name: "Send anyway" })).toBeVisible();
  await expect(warning.getByRole("button", { name: "Test provider" })).toBeVisible();
  await expect(warning.getByRole("combobox", { name: "Model to switch to" })).toHaveValue("fake/fake-model");

  // Held, not dispatched: neither the page nor the gateway has the message.
  await expect(transcript(page).getByText("Hello from the second session.")).toHaveCount(0);
  expect(await userMessagesIn(sessionKey)).toBe(0);
  await page.waitForTimeout(1500);
  expect(await userMessagesIn(sessionKey)).toBe(0);

  // A reload keeps the held message (it was cleared from the composer): the choice is still the user's.
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "Not sent" })).toContainText("Hello from the second session.");
  expect(await userMessagesIn(sessionKey)).toBe(0);

  // The tab holds no admin scope; Test provider (models.probe, admin-only) reconnects asking for it, then tests.
  const connects: unknown[] = [];
  page.on("websocket", (socket) =>
    socket.on("framesent", ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { method?: string; params?: { scopes?: unknown } };
      if (frame.method === "connect") connects.push(frame.params?.scopes);
    }),
  );
  await page.getByRole("alert").filter({ hasText: "Not sent" }).getByRole("button", { name: "Test provider" }).click();
  await expect(page.getByRole("status", { name: "Provider test result" })).toHaveText(/^Provider test: (answered|failed \(.+\))/, { timeout: 60_000 });
  expect(connects).toEqual([["operator.admin", "operator.read", "operator.write", "operator.approvals"]]);
  expect(await userMessagesIn(sessionKey)).toBe(0);
});

test("after a rate-limited run, the composer shows the provider as rate limited recently", async ({ page }) => {
  await openOnProvider(page, "health-429", "fake/fake-model");
  await expect(providerHealth(page)).toContainText("fake/fake-model");
  await sendMessage(page, "Try through the rate limit. fake:429x2");
  await expect(lastTurn(page).getByRole("alert")).toContainText("Completed after retries", { timeout: 90_000 });
  await expect(providerHealth(page)).toContainText(/rate limited recently \(at \d{2}:\d{2}:\d{2}, reset/);
});

test("switching the session's model from the warning (on a 390 px phone) sends the held message on the other provider", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await failFakeauthCredential();
  const sessionKey = await openOnProvider(page, "health-switch", "fakeauth/fake-model");
  await expect(providerHealth(page)).toContainText(/fakeauth\/fake-model · (in cooldown|authentication failing)/);

  await sendMessage(page, "Say hello after the switch.");
  const warning = page.getByRole("alert").filter({ hasText: "Not sent" });
  // Every way out is on the screen: the model picker and its button wrap inside the panel instead of running off it.
  const panel = await warning.boundingBox();
  for (const control of [warning.getByRole("combobox", { name: "Model to switch to" }), warning.getByRole("button", { name: "Switch model and send" })]) {
    const box = await control.boundingBox();
    expect(box && panel && box.x + box.width <= panel.x + panel.width && panel.x + panel.width <= 390).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await warning.getByRole("combobox", { name: "Model to switch to" }).selectOption("fake/fake-model");
  await warning.getByRole("button", { name: /Switch model/ }).click();

  await expect(warning).toBeHidden();
  await expect(providerHealth(page)).toContainText("fake/fake-model");
  const turn = lastTurn(page);
  await expect(turn.getByText("Say hello after the switch.", { exact: true })).toBeVisible();
  await expect(turn).toContainText("I'm the scripted model", { timeout: 60_000 });
  await expect(turn.getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible();
  expect((await sessionRow(sessionKey))?.modelProvider).toBe("fake");
});
