import { expect, test, type Page } from "@playwright/test";
import { openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

const TEXT_REPLY = "Here is a scripted reply from the fake model.";
const SLOW_REPLY =
  "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";

/** The open session's key, as the app keeps it. */
function openKey(page: Page): Promise<string | null> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem("clawscope.connection.v1") ?? "{}") as { sessionKey?: string }).sessionKey ?? null);
}

interface Row {
  role: string;
  __openclaw?: { id?: string };
}

async function historyRows(sessionKey: string): Promise<Row[]> {
  return (await gatewayCall<{ messages: Row[] }>("chat.history", { sessionKey, limit: 200 })).messages;
}

async function sessionLabel(sessionKey: string): Promise<string | undefined> {
  const { sessions } = await gatewayCall<{ sessions: Array<{ key: string; label?: string }> }>("sessions.list", { limit: 200 });
  return sessions.find((session) => session.key === sessionKey)?.label;
}

/** A 1×1 PNG, 70 bytes. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("fork from the second message opens a new session holding only the first exchange, with the second message in the composer, and leaves the original alone", async ({ page }) => {
  test.setTimeout(240_000);
  const original = await openSession(page, "fork");
  const log = transcript(page);
  const first = "First question. fake:text";
  const second = "Second question, to edit. fake:slow";
  await sendMessage(page, first);
  await expect(log.getByRole("article").first()).toContainText(TEXT_REPLY, { timeout: 60_000 });

  // While the second reply runs, no message can fork, and each says why in words.
  await sendMessage(page, second);
  const firstFork = log.getByRole("article").first().getByRole("button", { name: "Fork from here" });
  await expect(log.getByRole("article").nth(1)).toContainText("streamed slowly");
  await expect(firstFork).toHaveAttribute("aria-disabled", "true");
  await expect(firstFork).toHaveAccessibleDescription("Fork is unavailable while the agent is working.");
  await expect(log.getByRole("article").nth(1)).toContainText("closing sentence. Done.", { timeout: 90_000 });
  await expect(page.getByRole("button", { name: "Stop the running reply" })).toBeHidden();
  const originalRows = await historyRows(original);
  expect(originalRows.map((row) => row.role).filter((role) => role === "user" || role === "assistant")).toEqual(["user", "assistant", "user", "assistant"]);

  // Keyboard: focus reaches the second message's button, which shows once focused.
  const secondFork = log.getByRole("article").nth(1).getByRole("button", { name: "Fork from here" });
  await expect(secondFork).not.toHaveAttribute("aria-disabled");
  await secondFork.focus();
  await expect(secondFork).toBeFocused();
  await page.keyboard.press("Enter");

  await expect.poll(() => openKey(page)).not.toBe(original);
  const forked = (await openKey(page)) as string;
  expect(forked).toMatch(/^agent:main:dashboard:[0-9a-f-]{36}$/);
  expect(page.url()).toContain(encodeURIComponent(forked));
  // The gateway names a fork by a new key only: the app labels it after the session it came from, so the heading
  // and the refreshed list read words, and the gateway keeps the label.
  const label = `Fork of ${original.slice("agent:main:".length)}`;
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveAccessibleName(`${label} · main`);
  const sessions = page.getByRole("navigation", { name: "Sessions" });
  await expect(sessions.getByRole("button", { name: `Pin “${label}”`, exact: true })).toHaveCount(1);
  await expect(sessions.locator('[aria-current="page"]')).toContainText(label);
  expect(await sessionLabel(forked)).toBe(label);
  await expect(log.getByRole("article")).toHaveCount(1);
  await expect(log.getByRole("article").first().getByText(first, { exact: true })).toBeVisible();
  await expect(log.getByRole("article").first()).toContainText(TEXT_REPLY);
  await expect(log).not.toContainText("Second question");
  // The keyboard is in the message box, after the forked message: typing edits it, Enter would send it.
  const box = page.getByRole("textbox", { name: "Message" });
  await expect(box).toHaveValue(second);
  await expect(box).toBeFocused();
  await page.keyboard.type(" Edited.");
  await expect(box).toHaveValue(`${second} Edited.`);

  // The original session is unchanged on the gateway and on screen.
  expect(await historyRows(original)).toEqual(originalRows);
  await page.goBack();
  await expect.poll(() => openKey(page)).toBe(original);
  await expect(log.getByRole("article")).toHaveCount(2);
  await expect(log.getByRole("article").nth(1)).toContainText(SLOW_REPLY);

  // A second fork of the same session cannot take the same name (the gateway keeps labels unique): it is numbered.
  await log.getByRole("article").first().getByText(first, { exact: true }).hover();
  await log.getByRole("article").first().getByRole("button", { name: "Fork from here" }).click();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveAccessibleName(`${label} (2) · main`);
  await expect(log.getByRole("article")).toHaveCount(0);
  await expect(box).toHaveValue(first);
  await expect(box).toBeFocused();
});

test("a forked message's picture comes back in the composer, ready to send again, and a file the gateway does not give back is named in words", async ({ page }) => {
  test.setTimeout(180_000);
  const original = await openSession(page, "fork-files");
  const log = transcript(page);
  const message = "Look at these. fake:text";
  await page.getByLabel("Choose files to attach").setInputFiles([
    { name: "dot.png", mimeType: "image/png", buffer: PNG },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello notes") },
  ]);
  await sendMessage(page, message);
  await expect(log.getByRole("article").first()).toContainText(TEXT_REPLY, { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Stop the running reply" })).toBeHidden();
  const tray = page.getByRole("list", { name: "Files to send" });
  await expect(tray).toHaveCount(0);

  await log.getByRole("article").first().getByText(message, { exact: true }).hover();
  await log.getByRole("article").first().getByRole("button", { name: "Fork from here" }).click();
  await expect.poll(() => openKey(page)).not.toBe(original);
  const forked = (await openKey(page)) as string;
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveAccessibleName(`Fork of ${original.slice("agent:main:".length)} · main`);
  const box = page.getByRole("textbox", { name: "Message" });
  await expect(box).toHaveValue(message);
  await expect(box).toBeFocused();
  // The picture, read back from the gateway, under its own name and size; the text file, which it does not give back, said in words.
  await expect(tray.getByRole("listitem")).toHaveText(["dot.png70 B×"]);
  await expect(page.getByRole("form", { name: "Send a message" }).getByRole("alert")).toHaveText(
    '"notes.txt" was not put back: the gateway gives back only a forked message\'s pictures. Attach it again to send it.Dismiss',
  );

  // Enter sends it as it stands: the new session's message carries the picture, with the very bytes first sent.
  await page.keyboard.press("Enter");
  await expect(log.getByRole("article").first()).toContainText(TEXT_REPLY, { timeout: 60_000 });
  await expect(tray).toHaveCount(0);
  await expect(log.getByRole("article").first().getByRole("img", { name: "Attached image dot.png" })).toHaveAttribute("src", `data:image/png;base64,${PNG.toString("base64")}`);
  const [user] = (await gatewayCall<{ messages: Array<Row & { content: unknown; __openclaw?: { media?: Array<Record<string, unknown>> } }> }>("chat.history", { sessionKey: forked, limit: 50 })).messages;
  expect(user?.content).toBe(message);
  expect(user?.__openclaw?.media?.map(({ fileName, contentType, sizeBytes }) => ({ fileName, contentType, sizeBytes }))).toEqual([{ fileName: "dot.png", contentType: "image/png", sizeBytes: 70 }]);
});

test("a fork the gateway refuses says so in the gateway's words and leaves the session and its transcript where they were", async ({ page }) => {
  const original = await openSession(page, "fork-refused");
  const log = transcript(page);
  const message = "Only question. fake:text";
  await sendMessage(page, message);
  await expect(log.getByRole("article").first()).toContainText(TEXT_REPLY, { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Stop the running reply" })).toBeHidden();
  // Another operator deletes the session on the gateway; this tab still shows it.
  await gatewayCall("sessions.delete", { key: original });

  await log.getByRole("article").first().getByText(message, { exact: true }).hover();
  await log.getByRole("article").first().getByRole("button", { name: "Fork from here" }).click();
  await expect(page.getByRole("alert")).toHaveText(`Could not fork this session. The gateway refused: session not found: ${original}Dismiss`);
  expect(await openKey(page)).toBe(original);
  await expect(log.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("");
  await page.getByRole("alert").getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
