/**
 * What a reader gets beside each message that OpenClaw's own Control UI also gives: when it was sent, and a
 * one-click copy of a code block in a reply.
 */
import { expect, test } from "@playwright/test";
import { lastTurn, openSession, sendMessage } from "../support/chat-page";

test.use({ locale: "en-GB", timezoneId: "Europe/Berlin" });

const berlinClock = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" });

test("a message and its reply say when they were sent, and a code block copies its exact text", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openSession(page, "details");
  const before = Date.now();
  await sendMessage(page, "Show me a command. fake:code");
  const turn = lastTurn(page);
  const copy = turn.getByRole("button", { name: "Copy code" });
  await expect(copy).toHaveCount(1, { timeout: 60_000 });
  const times = turn.locator("time");
  await expect(times).toHaveCount(2);
  const after = Date.now();

  const [sent, answered] = await times.evaluateAll((elements) => elements.map((element) => ({ at: Date.parse(element.getAttribute("datetime") ?? ""), text: element.textContent, title: element.getAttribute("title") })));
  for (const time of [sent, answered]) {
    expect(time?.at).toBeGreaterThanOrEqual(before - 1_000);
    expect(time?.at).toBeLessThanOrEqual(after);
    // Today's message: the local time alone, the full date and time on hover.
    expect(time?.text).toBe(berlinClock.format(time?.at));
    expect(time?.title).toMatch(/^[A-Z][a-z]+day,? \d{1,2} [A-Z][a-z]+ \d{4}(,| at) \d{2}:\d{2}:\d{2}$/);
  }
  expect(answered?.at).toBeGreaterThanOrEqual(sent?.at ?? Infinity);

  await copy.click();
  await expect(turn.getByRole("status").filter({ hasText: "Copied" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`printf '%s\\n' "<b>not bold</b>" && echo done\n  indented line`);
  expect(await turn.locator("b").count()).toBe(0);
});
