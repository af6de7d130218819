import { expect, test } from "@playwright/test";
import { lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";

test("expand all and collapse all open and fold every ended run's timeline, and a run's own toggle still works after", async ({ page }) => {
  await openSession(page, "expand-all");
  for (const message of ["First check. fake:tool", "Second check. fake:tool"]) {
    await sendMessage(page, message);
    await expect(lastTurn(page).getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  }
  const toggles = transcript(page).getByRole("button", { name: /^Timeline/ });
  await expect(toggles).toHaveCount(2);
  for (const toggle of await toggles.all()) await expect(toggle).toHaveAttribute("aria-expanded", "false");

  await page.getByRole("group", { name: "All run timelines" }).getByRole("button", { name: "Expand all timelines" }).click();
  for (const toggle of await toggles.all()) await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(transcript(page).getByRole("region", { name: "Run at a glance" })).toHaveCount(0);

  await toggles.first().click();
  await expect(toggles.first()).toHaveAttribute("aria-expanded", "false");
  await expect(toggles.last()).toHaveAttribute("aria-expanded", "true");

  await page.getByRole("button", { name: "Collapse all timelines" }).click();
  for (const toggle of await toggles.all()) await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(transcript(page).getByRole("region", { name: "Run at a glance" })).toHaveCount(2);
});

test("the running run is one click away from the composer", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await openSession(page, "show-running");
  await sendMessage(page, "Count to eight on the machine. fake:slowtool");
  const running = lastTurn(page);
  await expect(running.getByRole("status", { name: "Run status" })).toContainText(/using exec/i, { timeout: 60_000 });
  await page.getByRole("log", { name: "Transcript" }).evaluate((log) => log.parentElement?.scrollTo({ top: 0 }));

  await page.getByRole("button", { name: "Show run in progress" }).click();
  const toggle = running.getByRole("button", { name: /^Timeline/ });
  await expect(toggle).toBeFocused();
  await expect(toggle).toBeInViewport();
  await expect(page.getByRole("button", { name: "Stop the running reply" })).toBeVisible();
  await expect(running.getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Show run in progress" })).toHaveCount(0);
});

test("a timeline the reader opened during a run stays open when the run ends", async ({ page }) => {
  await openSession(page, "timeline-kept-open");
  await sendMessage(page, "Count slowly. fake:slowtool");
  const turn = lastTurn(page);
  const toggle = turn.getByRole("button", { name: /^Timeline/ });
  await expect(turn.getByRole("status", { name: "Run status" })).toBeVisible({ timeout: 30_000 });
  // Live, the timeline is open by itself; fold it and open it again: now it is the reader's choice.
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(turn.getByRole("region", { name: "Run timeline" })).toContainText("Completed", { timeout: 60_000 });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(turn.getByRole("region", { name: "Run timeline" }).getByRole("button", { name: /exec/ })).toBeVisible();
});
