import { seriousViolations } from "../support/axe";
import { expect, test, type Page } from "@playwright/test";
import { gatewayCall } from "../support/gateway-admin";
import { connectionStatus, lastTurn, openSession, sendMessage, transcript, uniqueSession, GATEWAY_BUTTON } from "../support/chat-page";

async function useTheme(page: Page, theme: "light" | "dark") {
  const toggle = page.getByRole("button", { name: "Dark theme" });
  if ((await toggle.getAttribute("aria-pressed")) !== String(theme === "dark")) await toggle.click();
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

async function expectNoSeriousViolationsInBothThemes(page: Page) {
  for (const theme of ["light", "dark"] as const) {
    await useTheme(page, theme);
    expect(await seriousViolations(page), `${theme} theme`).toEqual([]);
  }
}

async function runToBanner(page: Page, message: string, banner: string) {
  await sendMessage(page, message);
  await expect(lastTurn(page).getByRole("alert")).toContainText(banner, { timeout: 90_000 });
}

test("a live run, ended runs of every outcome, an open timeline, the logs and the gateway panel have no serious axe violation, light and dark", async ({ page }) => {
  test.setTimeout(300_000);
  await openSession(page, "axe");

  await sendMessage(page, "Run the slow command. fake:slowtool");
  await expect(lastTurn(page).getByRole("status", { name: "Run status" })).toContainText(/using exec/i, { timeout: 60_000 });
  await expectNoSeriousViolationsInBothThemes(page);
  await expect(lastTurn(page).getByRole("region", { name: "Run timeline" }).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });

  await runToBanner(page, "Try through the rate limit. fake:429x2", "Completed after retries");
  await runToBanner(page, "Check gog for me. fake:filler", "No work performed");
  await sendMessage(page, "Show me a command. fake:code");
  await expect(lastTurn(page).getByRole("button", { name: "Copy code" })).toHaveCount(1, { timeout: 60_000 });
  await sendMessage(page, "Talk for a while. fake:slow");
  await expect(lastTurn(page)).toContainText("streamed slowly");
  await page.getByRole("button", { name: "Stop the running reply" }).click();
  await expect(lastTurn(page).getByRole("note", { name: "Run outcome" })).toContainText("Stopped");

  const timeline = transcript(page).getByRole("article").first().getByRole("region", { name: "Run timeline" });
  const toggle = timeline.getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await timeline.getByRole("button", { name: "Gateway logs" }).click();
  await expect(timeline.getByRole("list", { name: "Gateway log lines for this run" }).getByRole("listitem").first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: GATEWAY_BUTTON }).click();
  await expectNoSeriousViolationsInBothThemes(page);
});

test("a failed run's banner has no serious axe violation, light and dark", async ({ page }) => {
  const sessionKey = uniqueSession("axe-failed");
  await gatewayCall("sessions.patch", { key: sessionKey, model: "fakeauth/fake-model" });
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await runToBanner(page, "Use the locked provider. fake:401", "Authentication failed");
  await expectNoSeriousViolationsInBothThemes(page);
});

test("the first Tab offers a skip past the header and the session list, straight to the chat", async ({ page }) => {
  await openSession(page, "skip-link");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the chat" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null && document.activeElement !== document.querySelector("main"))).toBe(true);
});

test("a focused message box shows one focus ring, the composer's, while a focused button keeps its outline", async ({ page }) => {
  await openSession(page, "focus-ring");
  const message = page.getByRole("textbox", { name: "Message" });
  await message.focus();
  const ring = await message.evaluate((box) => ({
    box: getComputedStyle(box).outlineStyle,
    composer: getComputedStyle(box.parentElement!).boxShadow,
  }));
  expect(ring.box).toBe("none");
  expect(ring.composer).not.toBe("none");

  await page.keyboard.press("Shift+Tab");
  const focusedOutline = await page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : "no focus"));
  expect(focusedOutline).toBe("solid");
});
