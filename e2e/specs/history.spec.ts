import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, textThenTime, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCalls } from "../support/gateway-admin";

const TURNS = 1_000;
const seed = (index: number) => `Seed message ${String(index).padStart(4, "0")}`;

/** The transcript's scroll box, as the user's wheel reaches it. */
function scroller(page: Page) {
  return transcript(page).locator("xpath=..");
}

test("a 1,000-turn session reaches its first message by scrolling up, an older page at a time, keeping the reader's place, with only the turns near the viewport in the page", async ({ page }) => {
  test.setTimeout(240_000);
  const sessionKey = uniqueSession("history");
  await gatewayCalls([
    { method: "sessions.patch", params: { key: sessionKey, label: `Long history ${sessionKey.slice(-8)}` } },
    ...Array.from({ length: TURNS }, (_, index) => ({ method: "chat.inject", params: { sessionKey, message: seed(index) } })),
  ]);

  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await expect(lastTurn(page)).toHaveText(textThenTime(seed(TURNS - 1)));
  await expect(transcript(page).getByText(seed(0), { exact: true })).toHaveCount(0);
  // Only the turns near the viewport are in the page.
  expect(await transcript(page).getByRole("article").count()).toBeLessThan(60);

  // Scroll to the top of the first page: the next older page loads above it, and the turn being read does not
  // move, in any frame while the page goes in and the long list measures it. A slow CPU is what made it move
  // (the list rendered at a stale offset), so this part runs on one slowed six times.
  const cpu = await page.context().newCDPSession(page);
  await cpu.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  const box = scroller(page);
  await box.hover();
  await box.evaluate((element) => (element.scrollTop = 0));
  const reading = transcript(page).getByText(seed(TURNS - 200), { exact: true });
  await expect(reading).toBeVisible();
  const before = Math.round((await reading.boundingBox())?.y ?? -1);
  await page.evaluate((text) => {
    const frames: Array<number | null> = [];
    (window as unknown as { readerFrames: typeof frames }).readerFrames = frames;
    const sample = () => {
      const element = [...document.querySelectorAll("p")].find((paragraph) => paragraph.textContent === text);
      frames.push(element ? Math.round(element.getBoundingClientRect().top) : null);
      if (frames.length < 600) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }, seed(TURNS - 200));
  await expect(transcript(page).getByText(seed(TURNS - 201), { exact: true })).toBeAttached({ timeout: 30_000 });
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => (window as unknown as { readerFrames: Array<number | null> }).readerFrames);
  expect(frames.length).toBeGreaterThan(10);
  expect(new Set(frames)).toEqual(new Set([before]));
  await cpu.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  // Keep scrolling up with the wheel until the first message.
  for (let i = 0; i < 200 && !(await transcript(page).getByText(seed(0), { exact: true }).isVisible()); i += 1) {
    await page.mouse.wheel(0, -4_000);
    await page.waitForTimeout(150);
  }
  await expect(transcript(page).getByText(seed(0), { exact: true })).toBeVisible();
  await expect(transcript(page).getByText("Start of the session", { exact: true })).toBeVisible();
  await expect(transcript(page).getByRole("button", { name: "Load earlier messages" })).toHaveCount(0);
});
