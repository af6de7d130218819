import { expect, test, type Page } from "@playwright/test";
import { boxOf, overlaps, type Box } from "../support/geometry";
import { lastTurn, openSession, sendMessage } from "../support/chat-page";

const composer = (page: Page) => page.getByRole("form", { name: "Send a message" });

/** The composer during a live run: its box and its three buttons, in keyboard order. */
async function startLiveRun(page: Page, name: string) {
  await openSession(page, name);
  await sendMessage(page, "Count slowly in a shell. fake:slowtool");
  await expect(lastTurn(page).getByRole("region", { name: "Run timeline" }).getByText(/step 1/)).toBeVisible({ timeout: 60_000 });
  const form = composer(page);
  const buttons = [
    form.getByRole("button", { name: "Show run in progress", exact: true }),
    form.getByRole("button", { name: "Stop the running reply", exact: true }),
    form.getByRole("button", { name: "Send", exact: true }),
  ];
  for (const button of buttons) await expect(button).toBeVisible();
  return { textbox: form.getByRole("textbox", { name: "Message" }), buttons };
}

test("on a phone during a run, the message box keeps the composer's width and its buttons sit under it, whole and apart", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { textbox, buttons } = await startLiveRun(page, "composer-phone");

  const text = await boxOf(textbox);
  expect(text.width).toBeGreaterThanOrEqual(300);
  const boxes = await Promise.all(buttons.map(boxOf));
  for (const box of boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(overlaps(box, text)).toBe(false);
    // Under the box, on a row of their own.
    expect(box.y).toBeGreaterThanOrEqual(text.y + text.height);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i] as Box, boxes[j] as Box)).toBe(false);
  // Right-aligned, in the order the keyboard meets them.
  expect(boxes.map((box) => box.x)).toEqual([...boxes.map((box) => box.x)].sort((a, b) => a - b));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Send takes focus only with something to send.
  await textbox.fill("Then count back down.");
  await textbox.focus();
  for (const button of buttons) {
    await page.keyboard.press("Tab");
    await expect(button).toBeFocused();
  }
});

test("on a desktop during a run, the composer's buttons stay on the message box's row", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { textbox, buttons } = await startLiveRun(page, "composer-desktop");

  const text = await boxOf(textbox);
  const boxes = await Promise.all(buttons.map(boxOf));
  for (const box of boxes) {
    // Beside the box: right of it, and centred within its height.
    expect(box.x).toBeGreaterThanOrEqual(text.x + text.width);
    const centre = box.y + box.height / 2;
    expect(centre).toBeGreaterThanOrEqual(text.y);
    expect(centre).toBeLessThanOrEqual(text.y + text.height);
  }
});

test("on a phone a long draft on one line grows the message box, so every wrapped line shows", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSession(page, "composer-wrap");
  const textbox = composer(page).getByRole("textbox", { name: "Message" });
  const oneLine = (await boxOf(textbox)).height;
  await textbox.fill("Plan a week in Lisbon with two museum days, one trip to Sintra, and a dinner list near the river, please.");
  const grown = await textbox.evaluate((box) => ({ hidden: box.scrollHeight - box.clientHeight, height: box.getBoundingClientRect().height }));
  expect(grown.hidden, "no wrapped line is hidden inside the box").toBeLessThanOrEqual(1);
  expect(grown.height).toBeGreaterThan(oneLine * 2);
});
