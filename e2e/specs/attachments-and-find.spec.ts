import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage, textThenTime, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCall, gatewayCalls } from "../support/gateway-admin";

/** A 1×1 PNG, 70 bytes. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

type HistoryRow = { role: string; content: unknown; __openclaw?: { media?: Array<Record<string, unknown>> } };

function history(sessionKey: string) {
  return gatewayCall<{ messages: HistoryRow[] }>("chat.history", { sessionKey, limit: 50 });
}

async function completedRun(page: Page, message: string) {
  await sendMessage(page, message);
  const turn = lastTurn(page);
  const timeline = turn.getByRole("region", { name: "Run timeline" });
  await expect(timeline.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  return { turn, timeline, toggle: timeline.getByRole("button", { name: /^Timeline/ }) };
}

test("a PNG attached with the file picker is sent with the message, and the transcript still shows it after a reload", async ({ page }) => {
  expect(PNG.length).toBe(70);
  const sessionKey = await openSession(page, "attach");
  await page.getByLabel("Choose files to attach").setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: PNG });
  const tray = page.getByRole("list", { name: "Files to send" });
  await expect(tray.getByRole("listitem")).toHaveCount(1);
  await expect(tray.getByRole("listitem").first()).toContainText("dot.png70 B");
  await expect(page.getByRole("button", { name: "Remove dot.png" })).toBeVisible();

  await completedRun(page, "What is in this picture?");
  await expect(tray).toHaveCount(0);
  const turn = lastTurn(page);
  await expect(turn.getByRole("img", { name: "Attached image dot.png" })).toBeVisible();
  expect(await turn.getByRole("img", { name: "Attached image dot.png" }).getAttribute("src")).toBe(`data:image/png;base64,${PNG.toString("base64")}`);

  // The gateway has the file with the message: its history names it (it keeps the bytes as media://inbound/…).
  const [user] = (await history(sessionKey)).messages;
  expect(user?.content).toBe("What is in this picture?");
  expect(user?.__openclaw?.media?.map(({ fileName, contentType, sizeBytes }) => ({ fileName, contentType, sizeBytes }))).toEqual([
    { fileName: "dot.png", contentType: "image/png", sizeBytes: 70 },
  ]);

  // After a reload only the gateway's history is left: the attachment stays in the transcript as a labelled chip.
  await page.reload();
  await expect(transcript(page).getByText("What is in this picture?", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(lastTurn(page).getByLabel("Image dot.png, 70 B")).toBeVisible();
});

test("an image over the gateway's limit is refused by name before anything is sent", async ({ page }) => {
  const sessionKey = await openSession(page, "attach-refused");
  await page.getByLabel("Choose files to attach").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(6_291_457, 1) });
  await expect(page.getByRole("alert").filter({ hasText: "huge.png" })).toHaveText('"huge.png" is 6.0 MB: this gateway takes images up to 6.0 MB. Nothing was sent.Dismiss');
  await expect(page.getByRole("list", { name: "Files to send" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  await expect(transcript(page).getByRole("article")).toHaveCount(0);
  expect((await history(sessionKey)).messages).toEqual([]);
});

test("Ctrl+F finds a tool's output inside a folded timeline, and Export writes the session without the token", async ({ page }) => {
  const token = process.env.CLAWSCOPE_E2E_GATEWAY_TOKEN ?? "";
  expect(token.length).toBeGreaterThan(20);
  await openSession(page, "find");
  const { turn, toggle } = await completedRun(page, "Run the quick command. fake:tool");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");

  const message = page.getByRole("textbox", { name: "Message" });
  await message.focus();
  await page.keyboard.press("Control+f");
  const search = page.getByRole("search", { name: "Find in transcript" });
  const box = search.getByRole("searchbox", { name: "Find in transcript" });
  await expect(box).toBeFocused();
  await box.fill("hello-from-fake-tool");
  // In the reply, the command (the tool's arguments) and its output.
  await expect(search.getByRole("status", { name: "Matches" })).toHaveText("1 of 3");
  await box.press("Shift+Enter");
  await expect(search.getByRole("status", { name: "Matches" })).toHaveText("3 of 3");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const current = turn.getByRole("region", { name: "Output" }).locator("mark[data-find-current]");
  await expect(current).toHaveText("hello-from-fake-tool");
  await expect(current).toBeInViewport();
  await search.getByRole("button", { name: "Next match" }).click();
  await expect(search.getByRole("status", { name: "Matches" })).toHaveText("1 of 3");
  await box.press("Escape");
  await expect(search).toHaveCount(0);
  await expect(message).toBeFocused();
  await expect(page.locator("mark[data-find-match]")).toHaveCount(0);

  // A message that carries the token: the export must mask it.
  await completedRun(page, `Remember ${token} please`);
  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export session as Markdown" }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^clawscope-agent-main-e2e-find-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.md$/);
  await expect(page.getByRole("group", { name: "Export session" }).getByRole("status")).toHaveText(new RegExp(`^Download started: ${download.suggestedFilename().replace(/\./g, "\\.")} \\(\\d+(\\.\\d)? (B|KB)\\)$`));
  const markdown = await readFile(await download.path(), "utf8");
  expect(markdown).toContain("Run the quick command. fake:tool");
  expect(markdown).toContain("echo hello-from-fake-tool && uname -s");
  expect(markdown).toContain("hello-from-fake-tool\n");
  expect(markdown).toContain("Remember ‹redacted› please");
  expect(markdown).not.toContain(token);
});

test("find reaches a match in a turn of a long transcript that is not rendered, and marks it", async ({ page }) => {
  test.setTimeout(180_000);
  const sessionKey = uniqueSession("find-long");
  const seed = (index: number) => `Seed message ${String(index).padStart(4, "0")}`;
  await gatewayCalls([
    { method: "sessions.patch", params: { key: sessionKey, label: `Long find ${sessionKey.slice(-8)}` } },
    ...Array.from({ length: 200 }, (_, index) => ({ method: "chat.inject", params: { sessionKey, message: seed(index) } })),
  ]);
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await expect(lastTurn(page)).toHaveText(textThenTime(seed(199)));
  // Beyond 120 turns only those near the viewport are rendered: the third one is not.
  await expect(transcript(page).getByText(seed(3), { exact: true })).toHaveCount(0);

  await page.keyboard.press("Control+f");
  const search = page.getByRole("search", { name: "Find in transcript" });
  await search.getByRole("searchbox", { name: "Find in transcript" }).fill(seed(3));
  await expect(search.getByRole("status", { name: "Matches" })).toHaveText("1 of 1");
  const current = transcript(page).locator("mark[data-find-current]");
  await expect(current).toHaveText(seed(3));
  await expect(current).toBeInViewport();
});
