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
  expect(forked).toMatch(/^agent:main:/);
  expect(page.url()).toContain(encodeURIComponent(forked));
  // The gateway gives a fork no label: the session is named by its key, above the chat and in the refreshed list.
  const name = forked.slice("agent:main:".length);
  expect(name).toMatch(/^dashboard:[0-9a-f-]{36}$/);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveAccessibleName(`${name} · main`);
  await expect(page.getByRole("navigation", { name: "Sessions" }).locator('[aria-current="page"]')).toContainText(name);
  await expect(log.getByRole("article")).toHaveCount(1);
  await expect(log.getByRole("article").first().getByText(first, { exact: true })).toBeVisible();
  await expect(log.getByRole("article").first()).toContainText(TEXT_REPLY);
  await expect(log).not.toContainText("Second question");
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue(second);

  // The original session is unchanged on the gateway and on screen.
  expect(await historyRows(original)).toEqual(originalRows);
  await page.goBack();
  await expect.poll(() => openKey(page)).toBe(original);
  await expect(log.getByRole("article")).toHaveCount(2);
  await expect(log.getByRole("article").nth(1)).toContainText(SLOW_REPLY);
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
