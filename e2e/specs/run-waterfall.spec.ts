import { expect, test, type Page } from "@playwright/test";
import { lastTurn, openSession, sendMessage } from "../support/chat-page";

const SPAN = String.raw`\d+(\.\d)? (ms|s)`;

/** Sends the message, waits for the outcome chip, and opens the run's waterfall. */
async function waterfallOf(page: Page, message: string, outcome: string) {
  await sendMessage(page, message);
  const timeline = lastTurn(page).getByRole("region", { name: "Run timeline" });
  await expect(timeline.getByText(outcome, { exact: true })).toBeVisible({ timeout: 60_000 });
  const toggle = timeline.getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await timeline.getByRole("group", { name: "Show the run as" }).getByRole("button", { name: "Waterfall" }).click();
  const waterfall = timeline.getByRole("region", { name: "Run waterfall" });
  await expect(waterfall).toBeVisible();
  return waterfall;
}

test("a tool run's waterfall shows the exec bar with its exact times, reachable by keyboard and hover", async ({ page }) => {
  await openSession(page, "waterfall-tool");
  const waterfall = await waterfallOf(page, "Check quickly. fake:tool", "Completed");
  const exec = waterfall.getByRole("group", { name: "Tools" }).getByRole("button");
  await expect(exec).toHaveCount(1);
  await expect(exec).toHaveAccessibleName(new RegExp(`^exec · .+: ${SPAN}, from \\+${SPAN} to \\+${SPAN}$`));
  await expect(waterfall.getByRole("group", { name: "Connection" })).toContainText("connected throughout");
  await expect(waterfall.getByRole("group", { name: "Where the time went" })).toHaveText(new RegExp(`^Queued ${SPAN} · Model ${SPAN} · Tools ${SPAN}`));

  const name = await exec.getAttribute("aria-label");
  await exec.hover();
  await expect(waterfall.getByText(name ?? "", { exact: true })).toBeVisible();
});

test("a retried run's waterfall shows each retry wait, and the breakdown names them", async ({ page }) => {
  await openSession(page, "waterfall-retry");
  const waterfall = await waterfallOf(page, "Retry please. fake:429x2", "Completed after retries");
  const waits = waterfall.getByRole("group", { name: "Retry waits" }).getByRole("button");
  await expect(waits).toHaveCount(2);
  await expect(waits.first()).toHaveAccessibleName(new RegExp(`^Wait before attempt.*: ${SPAN}, from \\+${SPAN} to \\+${SPAN}$`));
  await expect(waterfall.getByRole("group", { name: "Where the time went" })).toContainText("Retry waits");

  await waits.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(waits.first()).not.toBeFocused();
});

test("at 390 px an open waterfall stays inside the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSession(page, "waterfall-phone");
  await waterfallOf(page, "Check quickly. fake:tool", "Completed");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
