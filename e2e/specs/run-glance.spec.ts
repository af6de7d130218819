import { expect, test, type Locator, type Page } from "@playwright/test";
import { boxOf, overlaps } from "../support/geometry";
import { lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";

/** What formatDuration writes: "450 ms", "7.2 s", "12 s", "1 min", "1 min 5 s". */
const DURATION = String.raw`(\d+ ms|\d+(\.\d)? s|\d+ min( \d+ s)?)`;

/** Sends the message and waits until the turn's folded timeline says Completed. */
async function endedRun(page: Page, message: string) {
  await sendMessage(page, message);
  const turn = lastTurn(page);
  const timeline = turn.getByRole("region", { name: "Run timeline" });
  const chip = timeline.getByText("Completed", { exact: true });
  await expect(chip).toBeVisible({ timeout: 60_000 });
  const toggle = timeline.getByRole("button", { name: /^Timeline/ });
  // Nobody clicked: the timeline folded by itself when the run ended.
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  return { turn, timeline, toggle, chip, glance: turn.getByRole("region", { name: "Run at a glance" }) };
}

/** Elements of the turn whose right edge is past the viewport: what would make the page scroll sideways. */
function pastTheRightEdge(turn: Locator): Promise<string[]> {
  return turn.evaluate((element) =>
    [...element.querySelectorAll("*")]
      .filter((child) => child.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((child) => `${child.tagName.toLowerCase()}.${String(child.getAttribute("class") ?? "").slice(0, 80)}`),
  );
}

test("an ended tool run shows its tool, command, exit status and footer on the message, with no click", async ({ page }) => {
  await openSession(page, "glance");
  const { glance } = await endedRun(page, "Run the quick command. fake:tool");
  const tools = glance.getByRole("list", { name: "Tools run" }).getByRole("listitem");
  await expect(tools).toHaveCount(1);
  await expect(tools.first().getByText("exec", { exact: true })).toBeVisible();
  await expect(tools.first().getByText("echo hello-from-fake-tool && uname -s", { exact: true })).toBeVisible();
  await expect(tools.first().getByText("exit 0", { exact: true })).toBeVisible();
  await expect(glance.getByRole("note", { name: "Run summary" })).toHaveText(new RegExp(`^Done in ${DURATION} · 1 tool$`));
});

test("on a phone an ended run with a long command and reply stays in the column, and the timeline header does not overlap", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSession(page, "glance-phone");
  const { turn, toggle, chip, glance } = await endedRun(page, "Print markup. fake:htmltool");
  await expect(glance.getByRole("list", { name: "Tools run" }).getByRole("listitem").first().locator("code")).toHaveText(
    "printf '%s\\n' '<script>window.__pwned=3</script>' '<img src=x onerror=window.__pwned=4>'",
  );
  await expect(turn).toContainText("Tool finished.");

  const label = toggle.getByText("Timeline", { exact: true });
  const count = toggle.getByText(/^\d+ steps? · /);
  await expect(count).toHaveText(new RegExp(`^\\d+ steps? · ${DURATION}$`));
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 844 });
    const [labelBox, countBox, chipBox] = [await boxOf(label), await boxOf(count), await boxOf(chip)];
    expect(overlaps(labelBox, countBox), `label and count at ${width} px`).toBe(false);
    expect(overlaps(labelBox, chipBox), `label and chip at ${width} px`).toBe(false);
    expect(overlaps(countBox, chipBox), `count and chip at ${width} px`).toBe(false);
    expect(await count.evaluate((element) => element.scrollWidth <= element.clientWidth), `count not cut at ${width} px`).toBe(true);
    expect(await pastTheRightEdge(turn), `past the right edge at ${width} px`).toEqual([]);
    const column = await transcript(page).evaluate((log) => ({ scrollWidth: log.parentElement?.scrollWidth, clientWidth: log.parentElement?.clientWidth }));
    expect(column.scrollWidth, `chat column at ${width} px`).toBe(column.clientWidth);
  }
});

test("on a phone the whole page with an ended run does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSession(page, "glance-page");
  await endedRun(page, "Print markup. fake:htmltool");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
