import { expect, test, type Page } from "@playwright/test";
import { lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

interface SessionsList {
  sessions: { key: string; modelProvider?: string; model?: string; thinkingLevel?: string }[];
}

interface HistoryRow {
  role?: string;
  provider?: string;
  model?: string;
}

async function sessionRow(key: string) {
  const list = await gatewayCall<SessionsList>("sessions.list", { limit: 200 });
  return list.sessions.find((row) => row.key === key);
}

async function historyOf(sessionKey: string): Promise<HistoryRow[]> {
  return (await gatewayCall<{ messages?: HistoryRow[] }>("chat.history", { sessionKey })).messages ?? [];
}

const modelPicker = (page: Page) => page.getByRole("group", { name: "Session settings" }).getByRole("combobox", { name: "Model", exact: true });
const thinkingPicker = (page: Page) => page.getByRole("group", { name: "Session settings" }).getByRole("combobox", { name: "Thinking", exact: true });
const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });
const commandResult = (page: Page) => page.getByLabel("Command result");

test("picking a model patches the session: shown after a reload, and the next run goes to it", async ({ page }) => {
  const sessionKey = await openSession(page, "compose-model");
  await expect(modelPicker(page)).toHaveValue("fake/fake-model");
  // Each model is offered with its provider's health.
  await expect(modelPicker(page).locator("option", { hasText: "fake/fake-thinker" })).toHaveText("fake/fake-thinker (ready)");

  await modelPicker(page).selectOption("fake/fake-thinker");
  await expect.poll(async () => (await sessionRow(sessionKey))?.model).toBe("fake-thinker");
  expect((await sessionRow(sessionKey))?.modelProvider).toBe("fake");
  await expect(page.getByRole("status", { name: "Provider health" })).toContainText("fake/fake-thinker · ready");

  await page.reload();
  await expect(modelPicker(page)).toHaveValue("fake/fake-thinker");
  await expect(page.getByRole("status", { name: "Provider health" })).toContainText("fake/fake-thinker");

  await sendMessage(page, "Which model answers? fake:text");
  await expect(lastTurn(page).getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  const reply = (await historyOf(sessionKey)).findLast((row) => row.role === "assistant");
  expect([reply?.provider, reply?.model]).toEqual(["fake", "fake-thinker"]);
});

test("picking a thinking level patches the session and is shown after a reload; /think default clears it", async ({ page }) => {
  const sessionKey = await openSession(page, "compose-think");
  // The default model does not reason: it takes only "off".
  await expect(thinkingPicker(page).locator("option")).toHaveText(["default (off)", "off"]);

  await modelPicker(page).selectOption("fake/fake-thinker");
  await expect(thinkingPicker(page).locator("option")).toHaveText(["default (medium)", "off", "minimal", "low", "medium", "high"]);
  await thinkingPicker(page).selectOption("high");
  await expect.poll(async () => (await sessionRow(sessionKey))?.thinkingLevel).toBe("high");

  await page.reload();
  await expect(thinkingPicker(page)).toHaveValue("high");

  await messageBox(page).fill("/think default");
  await messageBox(page).press("Enter");
  await expect(commandResult(page)).toHaveText("Changed the thinking level back to the default; it applies from the next message.");
  await expect(thinkingPicker(page)).toHaveValue("");
  await expect.poll(async () => (await sessionRow(sessionKey))?.thinkingLevel ?? "inherited").toBe("inherited");

  // A level this model does not take is refused before it reaches the gateway, and says which it takes.
  await messageBox(page).fill("/think ultra");
  await messageBox(page).press("Enter");
  await expect(page.getByRole("alert", { name: "Command result" })).toHaveText("No thinking level “ultra” for this model. It takes: off, minimal, low, medium, high, default.");
  await expect(messageBox(page)).toHaveValue("/think ultra");
});

test("slash commands complete from the keyboard; /stop and /help say how they went; a command of the gateway's own goes to the gateway", async ({ page }) => {
  await openSession(page, "compose-slash");
  const box = messageBox(page);

  await box.pressSequentially("/st");
  const menu = page.getByRole("listbox", { name: "Commands" });
  await expect(menu.getByRole("option")).toHaveText(["/stopStop the running reply"]);
  await expect(menu.getByRole("option", { selected: true })).toHaveText(/^\/stop/);
  await box.press("Tab");
  await expect(box).toHaveValue("/stop");
  await expect(menu).toBeHidden();
  await box.press("Enter");
  await expect(commandResult(page)).toHaveText("Nothing was running in this session.");

  await box.pressSequentially("/he");
  await box.press("Enter");
  await expect(box).toHaveValue("/help");
  await box.press("Enter");
  const help = page.getByRole("status", { name: "Commands help" });
  await expect(help.locator("dt")).toHaveText(["/new", "/reset", "/stop", "/model [provider/model]", "/think [level | default]", "/export", "/help"]);
  await expect(help).toContainText("Reset this session: the agent starts over without its history");

  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  await box.fill("/frobnicate please");
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("");
  await expect(lastTurn(page).getByText("/frobnicate please", { exact: true })).toBeVisible();
});

test("/export copies the transcript; /new opens a fresh session; /reset empties this one at the gateway and on screen", async ({ page, context }) => {
  const sessionKey = await openSession(page, "compose-reset");
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await sendMessage(page, "Remember this. fake:text");
  await expect(lastTurn(page).getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });

  await messageBox(page).fill("/export");
  await messageBox(page).press("Enter");
  await expect(commandResult(page)).toHaveText(/^Copied the transcript to the clipboard as Markdown: 1 turn, \d+\.\d kB, secrets masked\.$/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`^# Session ${sessionKey}\n`));
  expect(copied).toContain("\n\nRemember this. fake:text\n\n## Assistant\n\n");

  await messageBox(page).fill("/new");
  await messageBox(page).press("Enter");
  await expect(commandResult(page)).toHaveText(/^Opened a new session, chat-\d{12}-[a-z0-9]+: it starts when you send the first message\.$/);
  await expect(page.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();
  await expect(transcript(page).getByText("Remember this. fake:text")).toHaveCount(0);

  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(transcript(page).getByText("Remember this. fake:text")).toBeVisible({ timeout: 60_000 });
  await messageBox(page).fill("/reset");
  await messageBox(page).press("Enter");
  await expect(commandResult(page)).toHaveText("This session was reset: the agent starts over without its history.");
  await expect(page.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();
  await expect(transcript(page).getByText("Remember this. fake:text")).toHaveCount(0);
  // What the gateway keeps of the session now: its own "Reset" marker, no message and no reply.
  expect((await historyOf(sessionKey)).map((row) => row.role)).toEqual(["system"]);
  // A reload does not bring the old run back from this browser's run log.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();
});

test("the page that opens a chat gets its JavaScript compressed, cacheable for a year, and no source map", async ({ page }) => {
  const scripts: { url: string; headers: Record<string, string> }[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push({ url: response.url(), headers: response.headers() });
  });
  const documentResponse = await page.goto("/");
  expect(documentResponse?.headers()["cache-control"]).toBe("no-cache");
  await expect(messageBox(page)).toBeVisible({ timeout: 60_000 });

  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    expect(new URL(script.url).pathname).toMatch(/^\/assets\/[\w-]+\.js$/);
    expect(script.headers["content-encoding"]).toBe("br");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(script.headers.vary).toBe("Accept-Encoding");
    expect(script.headers.sourcemap ?? script.headers["x-sourcemap"]).toBeUndefined();
  }
  const mapResponse = await page.request.get(`${new URL(scripts[0]!.url).pathname}.map`);
  expect(mapResponse.status()).toBe(404);
});
