import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, sendMessage, textThenTime, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCalls } from "../support/gateway-admin";

const seed = (index: number) => `Pinned seed ${String(index).padStart(2, "0")}`;

/** The transcript's scroll box (the log is its content). */
function scroller(page: Page) {
  return transcript(page).locator("xpath=..");
}

/** After the browser has laid out, run its resize observers and painted twice. */
async function settled(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Where the last turn's bottom edge is against the transcript's visible box. */
async function lastTurnAgainstView(box: Locator) {
  return box.evaluate((element) => {
    const articles = element.querySelectorAll("article[data-turn-key]");
    const last = articles[articles.length - 1]?.getBoundingClientRect();
    const view = element.getBoundingClientRect();
    return { lastBottom: last?.bottom ?? Number.NaN, viewTop: view.top, viewBottom: view.top + element.clientHeight, clientHeight: element.clientHeight };
  });
}

async function seededSession(page: Page, name: string) {
  const sessionKey = uniqueSession(name);
  await gatewayCalls([
    { method: "sessions.create", params: { key: sessionKey, agentId: "main", label: `Pinned ${sessionKey.slice(-8)}` } },
    ...Array.from({ length: 30 }, (_, index) => ({ method: "chat.inject", params: { sessionKey, message: seed(index) } })),
  ]);
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await expect(lastTurn(page)).toHaveText(textThenTime(seed(29)));
}

const EIGHT_LINES = Array.from({ length: 8 }, (_, index) => `Line ${index + 1} of a long draft`).join("\n");

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`at ${width} px the transcript keeps its last message in view while the composer grows, and a reader who scrolled up keeps their place`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await seededSession(page, `pin-${width}`);
    const box = scroller(page);
    const composer = page.getByRole("textbox", { name: "Message" });

    // At the end, the last message sits above the log's bottom padding (24 px).
    const before = await lastTurnAgainstView(box);
    expect(before.viewBottom - before.lastBottom).toBeCloseTo(24, 0);

    // The draft grows the composer to eight lines: the transcript's box shrinks, and the last message stays in it.
    await composer.fill(EIGHT_LINES);
    await expect(composer).toHaveAttribute("rows", "8");
    await settled(page);
    const grown = await lastTurnAgainstView(box);
    expect(before.clientHeight - grown.clientHeight, "the transcript gave the composer room").toBeGreaterThan(100);
    expect(grown.viewBottom - grown.lastBottom, "the last message's bottom edge above the log's padding").toBeCloseTo(24, 0);
    await composer.fill("");
    await settled(page);
    const shrunk = await lastTurnAgainstView(box);
    expect(shrunk.viewBottom - shrunk.lastBottom).toBeCloseTo(24, 0);

    // A reader who scrolled up is left where they are, whichever way the composer changes.
    await box.evaluate((element) => (element.scrollTop -= 500));
    await settled(page);
    const reading = await box.evaluate((element) => element.scrollTop);
    await composer.fill(EIGHT_LINES);
    await expect(composer).toHaveAttribute("rows", "8");
    await settled(page);
    expect(await box.evaluate((element) => element.scrollTop)).toBe(reading);
    await composer.fill("");
    await settled(page);
    expect(await box.evaluate((element) => element.scrollTop)).toBe(reading);
  });
}

test("at 1280 px an open timeline's view tabs are never under the session heading, scrolled just below it or brought back by the keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seededSession(page, "pin-tabs");
  await sendMessage(page, "Check quickly. fake:tool");
  const timeline = lastTurn(page).getByRole("region", { name: "Run timeline" });
  await expect(timeline.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  const toggle = timeline.getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const tabs = timeline.getByRole("group", { name: "Show the run as" });
  const steps = tabs.getByRole("button", { name: "Steps" });
  const heading = page.getByRole("main").getByRole("heading", { level: 1 });
  const box = scroller(page);

  /** The heading's and the tab's boxes, and what the page shows at the tab's top corners and centre. */
  const geometry = () =>
    steps.evaluate((tab) => {
      const heading = document.querySelector("main h1")?.getBoundingClientRect();
      const own = tab.getBoundingClientRect();
      const shown = [
        // Inset past the rounded corners, which the page does not hit-test as the tab.
        [own.left + 8, own.top + 2],
        [own.right - 8, own.top + 2],
        [own.left + own.width / 2, own.top + own.height / 2],
      ].map(([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0) === tab);
      return { headingBottom: heading?.bottom ?? Number.NaN, tabTop: own.top, shown };
    });

  // Scrolled so the tabs sit 2 px below the transcript's top edge: all of them shows, none of it under the heading.
  await box.evaluate((element, tabsTop) => (element.scrollTop += tabsTop - element.getBoundingClientRect().top - 2), (await tabs.boundingBox())?.y ?? 0);
  await settled(page);
  const justBelow = await geometry();
  expect(justBelow.tabTop, "the tab starts below the heading").toBeGreaterThanOrEqual(justBelow.headingBottom);
  expect(justBelow.shown, "the tab is what the page shows at its corners and centre").toEqual([true, true, true]);

  // Scrolled so the tabs are half out of view above, then reached with Shift+Tab from the control after them: the browser
  // brings the focused tab back fully into view, below the heading.
  await box.evaluate((element, tabsTop) => (element.scrollTop += tabsTop - element.getBoundingClientRect().top + 8), (await tabs.boundingBox())?.y ?? 0);
  await settled(page);
  await steps.evaluate((tab) => {
    const controls = [...document.querySelectorAll<HTMLElement>("a[href], button:not([disabled]), [tabindex]:not([tabindex='-1'])")];
    controls[controls.indexOf(tab as HTMLElement) + 1]?.focus({ preventScroll: true });
  });
  await page.keyboard.press("Shift+Tab");
  await expect(steps).toBeFocused();
  await settled(page);
  const focused = await geometry();
  expect(focused.tabTop).toBeGreaterThanOrEqual(focused.headingBottom);
  expect(focused.shown).toEqual([true, true, true]);
  await expect(heading).toBeVisible();
});
