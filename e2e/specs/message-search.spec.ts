import { seriousViolations } from "../support/axe";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall, gatewayCalls } from "../support/gateway-admin";
import { E2E_PORTS } from "../support/ports";

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A session with a name of its own, opened in the page, where `message` is sent and answered by the scripted model. */
async function sayInNamedSession(page: Page, name: string, keyPart: string, message: string): Promise<string> {
  const key = `agent:main:e2e-${keyPart}-${Date.now().toString(36)}`;
  await gatewayCall("sessions.create", { key, agentId: "main", label: name });
  await page.goto(`/?session=${encodeURIComponent(key)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await sendMessage(page, message);
  // The scripted model echoes the message: the reply has the word too.
  await expect(lastTurn(page)).toContainText("You said:", { timeout: 90_000 });
  return key;
}

function searchDialog(page: Page) {
  return page.getByRole("dialog", { name: "Search sessions" });
}

async function searchFor(page: Page, words: string) {
  await page.keyboard.press("Control+k");
  const dialog = searchDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("combobox", { name: "Session name or words in a message" }).fill(words);
  return dialog;
}

/** A found message's snippet as shown, its marked words included. */
function snippetOf(option: Locator) {
  return option.locator("mark").first().locator("xpath=..");
}

test("Ctrl+K finds a word said in another session: the message, its session's name and the word marked; Enter opens that session at the message", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = Date.now().toString(36);
  const word = `quokka${id}`;
  const name = `Marsupial facts ${id}`;
  const said = `Please remember the word ${word} for later.`;
  const key = await sayInNamedSession(page, name, "msg-search-said", said);
  // Enough notes after it that the message is far above the transcript's end.
  await gatewayCalls(Array.from({ length: 30 }, (_, index) => ({ method: "chat.inject", params: { sessionKey: key, message: `Filler note ${index + 1}.\n\nA second paragraph, so the note takes room.` } })));
  await openSession(page, "msg-search-elsewhere");

  const dialog = await searchFor(page, word);
  // No session is called that: the names say so at once; the messages follow after the pause.
  await expect(dialog.getByText(`No session name matches “${word}”.`)).toBeVisible();
  const messages = dialog.getByRole("listbox", { name: "Matches" }).getByRole("group", { name: "Messages" }).getByRole("option");
  await expect(messages).toHaveCount(2, { timeout: 20_000 });
  await expect(dialog.getByRole("status")).toHaveText("");
  // The user's own message (short, so the best match), then the model's echo of it; both in the named session.
  const [mine, reply] = [messages.nth(0), messages.nth(1)];
  await expect(mine.getByTitle(name, { exact: true })).toBeVisible();
  await expect(snippetOf(mine)).toHaveText(said);
  await expect(mine.locator("mark")).toHaveText([word]);
  await expect(mine).toContainText(/You · \d{2}:\d{2}/);
  await expect(reply.getByTitle(name, { exact: true })).toBeVisible();
  await expect(snippetOf(reply)).toHaveText(`Hello! I'm the scripted model that ships with Clawscope. You said: “${said}”. Add a cue such as \`fake:tool\` or \`fake:429x2\` to your message to script a scenario.`);
  await expect(reply).toContainText(/main · \d{2}:\d{2}/);

  // The arrow keys reach the messages; Enter opens the highlighted one's session, whose transcript has the message.
  const search = dialog.getByRole("combobox");
  await expect(mine).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(reply).toHaveAttribute("aria-selected", "true");
  await expect(search).toHaveAttribute("aria-activedescendant", (await reply.getAttribute("id")) ?? "missing id");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`\\?session=${escaped(encodeURIComponent(key))}$`));
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveAccessibleName(`${name} · main`);
  // At the message, not at the transcript's end as a session opens otherwise.
  const articles = transcript(page).getByRole("article");
  await expect(articles.first()).toContainText(said);
  await expect(articles.first()).toBeInViewport();
  await expect(articles.first()).toHaveAccessibleDescription("Found by search");
  const lastNote = articles.filter({ hasText: "Filler note 30." });
  await expect(lastNote).toHaveCount(1);
  await expect(lastNote).not.toBeInViewport();

  // Words no message has all of: said in words, with no Messages group.
  await searchFor(page, `${word} platypus`);
  await expect(dialog.getByRole("status")).toHaveText(`No message has all the words “${word} platypus”.`, { timeout: 20_000 });
  await expect(dialog.getByRole("group", { name: "Messages" })).toHaveCount(0);
});

test("a found message further back than the transcript's tail (two older pages up) opens in view and marked as found, after the older pages are read", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = Date.now().toString(36);
  const word = `numbat${id}`;
  const name = `Long history search ${id}`;
  const said = `An early note with the word ${word} in it.`;
  const key = `agent:main:e2e-msg-search-long-${id}`;
  // 451 rows: the tail holds the last 200, and the early note is in the second older page above it.
  await gatewayCalls([
    { method: "sessions.patch", params: { key, label: name } },
    { method: "chat.inject", params: { sessionKey: key, message: said } },
    ...Array.from({ length: 450 }, (_, index) => ({ method: "chat.inject", params: { sessionKey: key, message: `Later note ${index + 1}.` } })),
  ]);
  await openSession(page, "msg-search-long-reader");

  const dialog = await searchFor(page, word);
  const found = dialog.getByRole("group", { name: "Messages" }).getByRole("option");
  await expect(found).toHaveCount(1, { timeout: 30_000 });
  await expect(snippetOf(found)).toHaveText(said);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`\\?session=${escaped(encodeURIComponent(key))}$`));

  // The note is in view, named as the one found, with the turns around it; the transcript's end is not.
  const note = transcript(page).getByRole("article").filter({ hasText: said });
  await expect(note).toBeInViewport({ timeout: 60_000 });
  await expect(note).toHaveAccessibleDescription("Found by search");
  await expect(note.getByText("Found by search", { exact: true })).toBeVisible();
  await expect(transcript(page).getByText("Later note 1.", { exact: true })).toBeInViewport();
  const scroller = transcript(page).locator("xpath=..");
  expect(await scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight)).toBeGreaterThan(10_000);
  // Only that turn is marked, and nothing is left to say about reaching it.
  await expect(transcript(page).getByText("Found by search", { exact: true })).toHaveCount(1);
  await expect(page.getByText("Reading earlier messages to reach the message you chose…")).toHaveCount(0);
  await expect(page.getByText(/no longer in this session's history|Could not read this session's earlier messages/)).toHaveCount(0);
});

test("a found message whose older page the gateway refuses to read: the reader is told so in words, not left at the transcript's end", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Every older-page read (chat.history with an offset) is answered with a refusal; the rest goes through.
  await page.routeWebSocket(`ws://127.0.0.1:${E2E_PORTS.gateway}/`, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => {
      const frame = typeof message === "string" ? (JSON.parse(message) as { id?: string; method?: string; params?: { offset?: unknown } }) : {};
      if (frame.method === "chat.history" && typeof frame.params?.offset === "number") {
        route.send(JSON.stringify({ type: "res", id: frame.id, ok: false, error: { code: "UNAVAILABLE", message: "history store busy" } }));
      } else server.send(message);
    });
    server.onMessage((message) => route.send(message));
  });
  const id = Date.now().toString(36);
  const word = `bilby${id}`;
  const said = `An early note with the word ${word} in it.`;
  const key = `agent:main:e2e-msg-search-refused-${id}`;
  await gatewayCalls([
    { method: "sessions.patch", params: { key, label: `Refused history ${id}` } },
    { method: "chat.inject", params: { sessionKey: key, message: said } },
    ...Array.from({ length: 250 }, (_, index) => ({ method: "chat.inject", params: { sessionKey: key, message: `Later note ${index + 1}.` } })),
  ]);
  await openSession(page, "msg-search-refused-reader");

  const dialog = await searchFor(page, word);
  await expect(dialog.getByRole("group", { name: "Messages" }).getByRole("option")).toHaveCount(1, { timeout: 30_000 });
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Could not read" })).toHaveText(
    "Could not read this session's earlier messages to reach the message you chose: history store busyDismiss",
    { timeout: 60_000 },
  );
  await expect(transcript(page).getByRole("alert")).toHaveText("Could not load earlier messages: history store busyTry again");
  await expect(transcript(page).getByText("Found by search", { exact: true })).toHaveCount(0);
  await expect(transcript(page).getByText(said, { exact: true })).toHaveCount(0);
  await expect(transcript(page).getByText("Later note 250.", { exact: true })).toBeInViewport();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText(/Could not read this session's earlier messages/)).toHaveCount(0);
});

test("a found message's hostile text is shown as text: no element from it, no script run, and the open dialog has no serious axe finding", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = Date.now().toString(36);
  const word = `wombat${id}`;
  const hostile = `Hostile <img src=x onerror="window.__pwned=1"> and <b>bold</b> text ${word}`;
  const name = `Hostile text ${id}`;
  await sayInNamedSession(page, name, "msg-search-hostile", hostile);
  await openSession(page, "msg-search-reader");

  const dialog = await searchFor(page, word);
  const mine = dialog.getByRole("group", { name: "Messages" }).getByRole("option").first();
  await expect(mine.getByTitle(name, { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(snippetOf(mine)).toHaveText(hostile);
  await expect(dialog.locator("img")).toHaveCount(0);
  await expect(dialog.locator("b")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  expect(await seriousViolations(page, 'dialog[aria-label="Search sessions"]')).toEqual([]);
});
