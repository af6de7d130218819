import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectionStatus, openSession, sendMessage, transcript } from "../support/chat-page";

/** The turn the person started (the announce that follows is a turn of its own). */
function turnOf(page: Page, text: string): Locator {
  return transcript(page).getByRole("article", { name: `Turn: ${text}` });
}

async function openTimeline(turn: Locator): Promise<Locator> {
  const toggle = turn.getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return turn.getByRole("region", { name: "Run timeline" });
}

// First in the file: a cold gateway's first turn can time out once and be retried, which would spawn twice.
test("a completed reply shows the token counts the provider reported, and the session sums them", async ({ page }) => {
  await openSession(page, "usage");
  const asked = "Say something. fake:text";
  await sendMessage(page, asked);
  const turn = turnOf(page, asked);
  // The scripted provider: 1,234 prompt tokens (1,024 cached), one output token per 4 characters of the 110-character reply.
  // Ended, the timeline folds: its glance says how the run ended, so the usage line under it gives only the counts.
  const glanceLead = turn.getByRole("note", { name: "Run summary" });
  await expect(glanceLead).toHaveText(/^Done in [\d.,]+ m?s$/, { timeout: 60_000 });
  await expect(turn.getByLabel("Run usage")).toHaveText("28 output tokens · 1,262 total");
  const lead = await glanceLead.textContent();
  const timeline = await openTimeline(turn);
  // With the timeline open no glance shows, and the usage line says how the run ended itself, in the same words.
  await expect(glanceLead).toHaveCount(0);
  await expect(turn.getByLabel("Run usage")).toHaveText(`${lead} · 28 output tokens · 1,262 total`);
  const call = timeline.getByRole("listitem").filter({ hasText: "model call" });
  await expect(call).toHaveCount(1);
  await expect(call).toContainText("in 210 · out 28 · cached 1,024");
  await expect(page.getByLabel("Session usage")).toHaveText("This session: 1 model call · 28 output tokens · 1,262 total");
});

/**
 * The parent's own tool rows: Tool Search's tool_call and the sessions_spawn it ran, titled by the sub-agent. Live
 * and from history alike; only the spawn's duration is known from history (the gateway times the nested call).
 */
async function expectSpawnRows(timeline: Locator, wrapperStatus: RegExp): Promise<void> {
  const group = timeline.getByRole("button", { name: "2 tool calls", exact: true });
  if ((await group.getAttribute("aria-expanded")) !== "true") await group.click();
  await expect(timeline.getByRole("button", { name: /tool_call/ })).toHaveText(new RegExp(`^\\+[^▸]+▸tool_callTool Call${wrapperStatus.source}$`));
  await expect(timeline.getByRole("button", { name: /sessions_spawn/ })).toHaveText(/^\+[^▸]+▸sessions_spawnSub-agent label kernel-check, timeout 60done[\d.,]+ m?s$/);
}

/** The child's exec step (its status as far as known), its exact command output, and the child's reply. */
async function expectChildWork(child: Locator, status: string): Promise<void> {
  const exec = child.getByRole("button", { name: /exec/ });
  await expect(exec).toContainText(status);
  if ((await exec.getAttribute("aria-expanded")) !== "true") await exec.click();
  // The command's output exactly (the arguments block above it also names the greeting).
  await expect(child.locator("pre").filter({ hasText: /^hello-from-fake-tool/ })).toHaveText(/^hello-from-fake-tool\nLinux\n?$/);
  await expect(child.getByLabel("Sub-agent reply")).toHaveText("Tool finished. Output: hello-from-fake-tool Linux");
}

test("a spawned sub-agent's tool call and its exact output show inside the parent's timeline, also in a fresh browser", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const sessionKey = await openSession(page, "spawn");
  const asked = "Delegate the kernel check. fake:spawn";
  await sendMessage(page, asked);
  const parent = turnOf(page, asked);
  // The announce turn is the child's result coming back to this session.
  const announce = transcript(page).getByRole("article", { name: "Assistant turn" });
  await expect(announce).toContainText("Sub-agent kernel-check reported back (completed). Tool finished. Output: hello-from-fake-tool Linux", { timeout: 120_000 });
  // Once the announce run has ended every child has reported back, and the parent's view settles (and folds).
  await expect(announce.getByLabel("Run usage")).toBeVisible();

  const timeline = await openTimeline(parent);
  const child = timeline.getByRole("region", { name: "Sub-agent kernel-check" });
  await expect(child.getByRole("button", { expanded: true }).first()).toContainText("completed");
  await expect(child).toContainText("Task: Print the greeting and the kernel name. fake:tool");
  await expect(child.getByLabel("Sub-agent status")).toHaveText("Completed");
  await expect(child).toContainText(/Session:\s*agent:main:subagent:[0-9a-f-]{36}/);
  await expectChildWork(child, "done · exit 0");
  await expectSpawnRows(timeline, /done[\d.,]+ m?s/);
  await expect(parent.getByRole("alert")).toHaveCount(0);

  // Another browser profile has no run log of this session: the child's steps come from its own session's history.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(fresh)).toContainText("Connected", { timeout: 60_000 });
  const freshTimeline = await openTimeline(turnOf(fresh, asked));
  const freshChild = freshTimeline.getByRole("region", { name: "Sub-agent kernel-check" });
  await expect(freshChild.getByLabel("Sub-agent status")).toHaveText("Completed");
  // History records no exit code: the step says done, and only that.
  await expectChildWork(freshChild, "done");
  await expect(freshChild.getByRole("button", { name: /exec/ })).not.toContainText("exit");
  // The spawn as live showed it; history keeps no time for the end of the call around it.
  await expectSpawnRows(freshTimeline, /done/);
  // The announce run came after the parent, so history says only when the parent was still going. Its timeline is
  // open, so no glance says how it ended: the usage line does.
  await expect(turnOf(fresh, asked).getByRole("note", { name: "Run summary" })).toHaveCount(0);
  await expect(turnOf(fresh, asked).getByLabel("Run usage")).toHaveText(/^Done in at least [\d.,]+ m?s · 141 output tokens · 2,609 total$/);
  await fresh.context().close();

  // The child's own session is one click away.
  await child.getByRole("button", { name: "Open session" }).click();
  await expect(page.getByRole("navigation", { name: "Sessions" }).locator('[aria-current="page"]')).toHaveText(/^kernel-check/);
  await expect(transcript(page).getByRole("article").last()).toContainText("Tool finished. Output: hello-from-fake-tool Linux");
});

test("a sub-agent whose model refuses makes the parent's outcome degraded, with the reason, also in a fresh browser", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const sessionKey = await openSession(page, "spawn-fail");
  const asked = "Delegate a doomed task. fake:spawn-fail";
  await sendMessage(page, asked);
  const parent = turnOf(page, asked);
  const banner = parent.getByRole("alert");
  await expect(banner).toContainText("Sub-agent failed", { timeout: 120_000 });
  await expect(banner).toContainText("Sub-agent doomed-check failed: LLM request failed: provider rejected the request schema or tool payload.");
  const timeline = await openTimeline(parent);
  const child = timeline.getByRole("region", { name: "Sub-agent doomed-check" });
  await expect(child.getByLabel("Sub-agent status")).toHaveText("Failed: LLM request failed: provider rejected the request schema or tool payload.");

  // A browser that never saw the run judges it from the sessions' histories alone, with the timeline folded.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(fresh)).toContainText("Connected", { timeout: 60_000 });
  const freshParent = turnOf(fresh, asked);
  await expect(freshParent.getByRole("button", { name: /^Timeline/ })).toHaveAttribute("aria-expanded", "false");
  // History keeps the error as the gateway worded it for the transcript (with the HTTP status), not the live text.
  await expect(freshParent.getByRole("alert")).toContainText("Sub-agent doomed-check failed: LLM request failed (request format rejected, HTTP 400).", {
    timeout: 30_000,
  });
  await fresh.context().close();
});
