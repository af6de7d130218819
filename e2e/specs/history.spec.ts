import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCalls } from "../support/gateway-admin";

const TURNS = 1_000;
const seed = (index: number) => `Seed message ${String(index).padStart(4, "0")}`;

/** The transcript's scroll box, as the user's wheel reaches it. */
function scroller(page: Page) {
  return transcript(page).locator("xpath=..");
}

test("a 1,000-turn session reaches its first message by scrolling up, an older page at a time, with only the turns near the viewport in the page", async ({ page }) => {
  test.setTimeout(240_000);
  const sessionKey = uniqueSession("history");
  await gatewayCalls([
    { method: "sessions.patch", params: { key: sessionKey, label: `Long history ${sessionKey.slice(-8)}` } },
    ...Array.from({ length: TURNS }, (_, index) => ({ method: "chat.inject", params: { sessionKey, message: seed(index) } })),
  ]);

  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await expect(lastTurn(page)).toHaveText(seed(TURNS - 1));
  await expect(transcript(page).getByText(seed(0), { exact: true })).toHaveCount(0);
  // Only the turns near the viewport are in the page.
  expect(await transcript(page).getByRole("article").count()).toBeLessThan(60);

  // Scroll to the top of the first page: the next older page loads above it.
  // (Whether the turn being read stays put is not asserted: in about one run in three it moves by 178 px. See issue 13.)
  const box = scroller(page);
  await box.hover();
  await box.evaluate((element) => (element.scrollTop = 0));
  await expect(transcript(page).getByText(seed(TURNS - 201), { exact: true })).toBeAttached({ timeout: 30_000 });

  // Keep scrolling up with the wheel until the first message.
  for (let i = 0; i < 200 && !(await transcript(page).getByText(seed(0), { exact: true }).isVisible()); i += 1) {
    await page.mouse.wheel(0, -4_000);
    await page.waitForTimeout(150);
  }
  await expect(transcript(page).getByText(seed(0), { exact: true })).toBeVisible();
  await expect(transcript(page).getByText("Start of the session", { exact: true })).toBeVisible();
  await expect(transcript(page).getByRole("button", { name: "Load earlier messages" })).toHaveCount(0);
});
