import { expect, test, type Locator, type Page } from "@playwright/test";
import { lastTurn, openSession, sendMessage } from "../support/chat-page";

/** What `for i in 1 2 3 4 5 6 7 8; do echo "step $i"; sleep 1; done` prints. */
const PRINTED = Array.from({ length: 8 }, (_, index) => `step ${index + 1}\n`).join("");
const SAMPLE_EVERY_MS = 300;

/** The output box of the tool's open row: the last `pre` of its details (the arguments come first). */
async function outputBox(page: Page, tool: Locator): Promise<Locator> {
  const detailsId = await tool.getAttribute("aria-controls");
  if (!detailsId) throw new Error("the tool row names no details");
  return page.locator(`[id="${detailsId}"] pre`).last();
}

test("the live output of a multi-line command is, at every moment, a prefix of what it printed", async ({ page }) => {
  test.setTimeout(120_000);
  await openSession(page, "live-output");
  await sendMessage(page, "Count to eight on the machine. fake:slowtool");
  const timeline = lastTurn(page).getByRole("region", { name: "Run timeline" });
  const tool = timeline.getByRole("button", { name: /exec/ });
  await expect(tool).toContainText("running", { timeout: 60_000 });
  if ((await tool.getAttribute("aria-expanded")) !== "true") await tool.click();
  const box = await outputBox(page, tool);
  const completed = timeline.getByText("Completed", { exact: true });

  const samples: string[] = [];
  const deadline = Date.now() + 60_000;
  while (!(await completed.isVisible())) {
    if (Date.now() > deadline) throw new Error(`the run did not end within 60 s; samples: ${JSON.stringify(samples)}`);
    // The box is gone once the run ends and the timeline folds (it may go between these two reads, so the read
    // does not wait for it); "(empty)" is the placeholder before any output.
    const text = (await box.isVisible()) ? await box.textContent({ timeout: 1_000 }).catch(() => null) : null;
    if (text !== null && text !== "(empty)") samples.push(text);
    await page.waitForTimeout(SAMPLE_EVERY_MS);
  }

  const toggle = timeline.getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  if ((await tool.getAttribute("aria-expanded")) !== "true") await tool.click();
  const final = await (await outputBox(page, tool)).textContent();
  expect(final).toBe(PRINTED);
  // Eight seconds of output sampled every 300 ms: several distinct moments, not one lucky read.
  expect(new Set(samples).size, JSON.stringify(samples)).toBeGreaterThanOrEqual(3);
  for (const sample of samples) expect(PRINTED.startsWith(sample), `live sample ${JSON.stringify(sample)}`).toBe(true);
});
