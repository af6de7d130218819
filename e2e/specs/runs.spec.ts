import { expect, test, type Page } from "@playwright/test";
import { lastTurn, openSession, sendMessage, uniqueSession, connectionStatus } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

function timelineToggle(page: Page) {
  return lastTurn(page).getByRole("button", { name: /^Timeline/ });
}

async function openTimeline(page: Page) {
  const toggle = timelineToggle(page);
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return lastTurn(page).getByRole("region", { name: "Run timeline" });
}

test("a tool run shows live output in the timeline, then completes", async ({ page }) => {
  await openSession(page, "tool");
  await sendMessage(page, "Count to eight on the machine. fake:slowtool");
  const timeline = lastTurn(page).getByRole("region", { name: "Run timeline" });
  await expect(timelineToggle(page)).toHaveAttribute("aria-expanded", "true");
  await expect(lastTurn(page).getByRole("status", { name: "Run status" })).toContainText(/using exec/i);
  const tool = timeline.getByRole("button", { name: /exec/ });
  await expect(tool).toContainText("running");
  await expect(timeline.getByText(/step 2/)).toBeVisible();
  await expect(timeline).not.toContainText("step 8");
  await expect(timeline.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await openTimeline(page);
  if ((await tool.getAttribute("aria-expanded")) !== "true") await tool.click();
  await expect(timeline).toContainText("step 8");
  await expect(tool).toContainText("exit 0");
});

test("429 twice then success is completed but marked degraded, with the retries kept", async ({ page }) => {
  await openSession(page, "retry");
  await sendMessage(page, "Try through the rate limit. fake:429x2");
  const banner = lastTurn(page).getByRole("alert");
  await expect(banner).toContainText("Completed after retries", { timeout: 90_000 });
  await expect(banner).toContainText(/2 retries/);
  const timeline = await openTimeline(page);
  // The gateway counts the first try as attempt 1, so two retries are attempts 2 and 3.
  await expect(timeline.getByRole("listitem").filter({ hasText: /retry\s*attempt \d+ of 10/ })).toHaveCount(2);
  await expect(timeline.getByText(/attempt 3 of 10, rate limit/)).toBeVisible();

  // After a reload the retries (which history does not keep) come back from this browser's log.
  await page.reload();
  await expect(connectionStatus(page)).toContainText("Connected");
  await expect(lastTurn(page).getByRole("alert")).toContainText("Completed after retries");
  const restored = await openTimeline(page);
  await expect(restored.getByRole("listitem").filter({ hasText: /retry\s*attempt \d+ of 10/ })).toHaveCount(2);
});

test("401 on its own provider fails as authentication, with the missing scope", async ({ page }) => {
  const sessionKey = uniqueSession("auth");
  await gatewayCall("sessions.patch", { key: sessionKey, model: "fakeauth/fake-model" });
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected");
  await sendMessage(page, "Use the locked provider. fake:401");
  const banner = lastTurn(page).getByRole("alert");
  await expect(banner).toContainText("Authentication failed", { timeout: 60_000 });
  await expect(banner).toContainText("Missing scopes: model.request");
  await expect(banner).toContainText("fakeauth");
});

test("a provider that hangs fails as timed out", async ({ page }) => {
  test.setTimeout(180_000);
  await openSession(page, "hang");
  await sendMessage(page, "Wait for the stuck model. fake:hang");
  await expect(lastTurn(page).getByRole("status", { name: "Run status" })).toBeVisible();
  await expect(lastTurn(page).getByRole("alert")).toContainText("Timed out", { timeout: 150_000 });
});

test("a filler reply with no tool call is degraded: no work performed", async ({ page }) => {
  await openSession(page, "filler");
  await sendMessage(page, "Check gog for me. fake:filler");
  const banner = lastTurn(page).getByRole("alert");
  await expect(banner).toContainText("No work performed", { timeout: 60_000 });
  await expect(lastTurn(page)).toContainText("One sec.");
});

test("Stop during a run ends it as aborted", async ({ page }) => {
  await openSession(page, "abort");
  await sendMessage(page, "Talk for a while. fake:slow");
  await expect(lastTurn(page)).toContainText("streamed slowly");
  await page.getByRole("button", { name: "Stop the running reply" }).click();
  await expect(lastTurn(page).getByRole("note", { name: "Run outcome" })).toContainText("Stopped");
  await expect(page.getByRole("button", { name: "Stop the running reply" })).toBeHidden();
  await page.waitForTimeout(2000);
  expect(await lastTurn(page).textContent()).not.toContain("closing sentence. Done.");
});

test("reload during a slow tool call brings back the running tool, then its result", async ({ page }) => {
  await openSession(page, "reload");
  await sendMessage(page, "Count slowly. fake:slowtool");
  await expect(lastTurn(page).getByRole("region", { name: "Run timeline" }).getByText(/step 1/)).toBeVisible({ timeout: 60_000 });
  await page.reload();
  await expect(connectionStatus(page)).toContainText("Connected");
  const timeline = lastTurn(page).getByRole("region", { name: "Run timeline" });
  await expect(timeline.getByRole("button", { name: /exec/ })).toContainText("running");
  await expect(timeline.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await openTimeline(page);
  const tool = timeline.getByRole("button", { name: /exec/ });
  if ((await tool.getAttribute("aria-expanded")) !== "true") await tool.click();
  await expect(timeline).toContainText("step 8");
});

test("tool output with HTML and script tags renders as inert text", async ({ page }) => {
  await openSession(page, "html-tool");
  await sendMessage(page, "Print markup. fake:htmltool");
  await expect(lastTurn(page).getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  const timeline = await openTimeline(page);
  const tool = timeline.getByRole("button", { name: /exec/ });
  if ((await tool.getAttribute("aria-expanded")) !== "true") await tool.click();
  await expect(timeline).toContainText("<script>window.__pwned=3</script>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await lastTurn(page).locator("script, img").count()).toBe(0);
});

test("a fresh browser with only chat.history shows an exec run and a 401 run as the live page did, as far as history keeps the facts", async ({ page, browser }) => {
  const sessionKey = uniqueSession("fresh-history");
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await sendMessage(page, "Run the quick command. fake:tool");
  const liveExec = page.getByRole("article").filter({ hasText: "Run the quick command." });
  await expect(liveExec.getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  const liveTool = liveExec.getByRole("list", { name: "Tools run" }).getByRole("listitem");
  await expect(liveTool).toHaveText(/^exec\s*\$\s*echo hello-from-fake-tool && uname -s\s*exit 0\s*\d+ ms$/);

  await gatewayCall("sessions.patch", { key: sessionKey, model: "fakeauth/fake-model" });
  await sendMessage(page, "Use the locked provider. fake:401");
  const liveAuth = page.getByRole("article").filter({ hasText: "Use the locked provider." }).getByRole("alert");
  await expect(liveAuth).toContainText("Authentication failed", { timeout: 60_000 });
  await expect(liveAuth).toContainText("fakeauth/fake-model rejected the credentials (HTTP 401): the API key lacks model.request.");

  // Another browser profile: no run log, only what chat.history keeps.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(fresh)).toContainText("Connected", { timeout: 60_000 });
  const exec = fresh.getByRole("article").filter({ hasText: "Run the quick command." });
  // The same tool, command and state; history keeps neither the exit code 0 nor how long the command ran, so neither is shown.
  await expect(exec.getByRole("list", { name: "Tools run" }).getByRole("listitem")).toHaveText(/^exec\s*\$\s*echo hello-from-fake-tool && uname -s\s*done$/);
  const toggle = exec.getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const freshTimeline = exec.getByRole("region", { name: "Run timeline" });
  await expect(freshTimeline.getByRole("button", { name: /exec/ })).toHaveText(/^\+[\d.,]+ m?s▸execRun echo hello-from-fake-tool && uname -sdone$/);
  // In the order it happened: the model call that asked for the command before the command, the reply after it.
  const offset = String.raw`\+[\d.,]+ m?s`;
  await expect(freshTimeline.getByRole("listitem")).toHaveText([
    new RegExp(`^${offset}runqueued`),
    new RegExp(`^${offset}runmodel fake/fake-model`),
    new RegExp(`^${offset}model callin `),
    new RegExp(`^${offset}▸execRun echo`),
    new RegExp(`^${offset}replyTool finished`),
    new RegExp(`^${offset}model callin `),
    new RegExp(`^${offset}runcompleted`),
  ]);
  // A later run followed, so history keeps only when this one was still going: the duration is a lower bound.
  // Live, the folded run's glance says how long it took, and the usage line under it only the counts; the fresh
  // browser's timeline is open, so no glance shows and the usage line says it, as a lower bound.
  await expect(liveExec.getByRole("note", { name: "Run summary" })).toHaveText(/^Done in [\d.,]+ m?s · 1 tool$/);
  await expect(liveExec.getByLabel("Run usage")).toHaveText("26 output tokens · 2,494 total");
  await expect(exec.getByRole("note", { name: "Run summary" })).toHaveCount(0);
  await expect(exec.getByLabel("Run usage")).toHaveText(/^Done in at least [\d.,]+ m?s · 26 output tokens · 2,494 total$/);
  // The same failure class, provider, model and HTTP status; the provider's own words ("Missing scopes") were never stored.
  const auth = fresh.getByRole("article").filter({ hasText: "Use the locked provider." }).getByRole("alert");
  await expect(auth).toContainText("Authentication failedfakeauth/fake-model rejected the credentials (HTTP 401).model fakeauth/fake-model · HTTP 401");
  await expect(auth).not.toContainText("Missing scopes");
  await context.close();
});
