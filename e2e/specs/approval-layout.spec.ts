import { expect, test, type Locator, type Page } from "@playwright/test";
import { ASK_FIRST, COMMAND, gatewayPendingApproval, gatewayStillPending, pendingApprovals } from "../support/approvals";
import { seriousViolations } from "../support/axe";
import { lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";
import { boxOf, overlaps, type Box } from "../support/geometry";

function inside(inner: Box, outer: Box): boolean {
  return inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height && inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width;
}

/** Whether what is drawn at the centre of the element is the element itself (or inside it): nothing lies over it. */
async function onTop(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && node.contains(hit);
  });
}

/**
 * Scrolls the transcript until only the bottom edge of the run's card shows under the banner (or as near as the
 * transcript's end allows), its decisions out of view: what read as the banner covering the card.
 */
async function scrollCardUnderBanner(page: Page, card: Locator): Promise<void> {
  const scroller = transcript(page).locator("xpath=..");
  const [cardBox, scrollerBox] = [await boxOf(card), await boxOf(scroller)];
  await scroller.evaluate((element, by) => element.scrollBy(0, by), cardBox.y + cardBox.height - 12 - scrollerBox.y);
  // At most a sliver of its first decision shows (the end of a short transcript can stop the scroll a little early).
  await expect(card.getByRole("button", { name: "Allow once" })).not.toBeInViewport({ ratio: 0.5 });
}

const LAYOUTS = [
  { width: 1280, height: 800, theme: "light" },
  { width: 390, height: 844, theme: "dark" },
] as const;

for (const { width, height, theme } of LAYOUTS) {
  test(`at ${width}×${height} (${theme}) the banner's "Show in its run" brings the run's approval card below the banner, its decisions uncovered, and Allow once from there runs the command`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: theme });
    const sessionKey = await openSession(page, `approval-layout-${width}`);
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    await sendMessage(page, ASK_FIRST);
    await gatewayPendingApproval(sessionKey);

    const banner = pendingApprovals(page);
    const runCard = lastTurn(page).getByRole("region", { name: "Approval for this run" });
    await expect(runCard.getByLabel("Command", { exact: true })).toHaveText(COMMAND, { timeout: 2_000 });
    await scrollCardUnderBanner(page, runCard);
    const allow = runCard.getByRole("button", { name: "Allow once" });
    const deny = runCard.getByRole("button", { name: "Deny" });

    await banner.getByRole("button", { name: "Show in its run" }).click();
    await expect(allow).toBeFocused();
    const bannerBox = await boxOf(banner);
    const scrollerBox = await boxOf(transcript(page).locator("xpath=.."));
    // The banner takes its own rows: the transcript starts below it, not under it.
    expect(scrollerBox.y).toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height);
    const cardBox = await boxOf(runCard);
    // Where the whole card fits, it is all in view, its top (with a gap) below the banner.
    if (width >= 1280) {
      expect(inside(cardBox, scrollerBox)).toBe(true);
      expect(Math.round(cardBox.y - scrollerBox.y)).toBe(12);
    }
    for (const button of [allow, deny]) {
      const box = await boxOf(button);
      expect(overlaps(box, bannerBox)).toBe(false);
      expect(inside(box, scrollerBox)).toBe(true);
      expect(await onTop(button)).toBe(true);
    }
    expect(await seriousViolations(page, '[aria-label="Pending approvals"]')).toEqual([]);

    await allow.click();
    await expect.poll(() => gatewayStillPending(sessionKey), { timeout: 10_000 }).toBe(false);
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Allowed once: the command runs now." })).toContainText(COMMAND);
    await expect(lastTurn(page)).toContainText("Tool finished. Output: approved-by-operator Linux", { timeout: 60_000 });
  });
}
