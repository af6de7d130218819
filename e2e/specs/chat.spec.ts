import { expect, test } from "@playwright/test";
import { lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";

test("connects with a device identity kept in IndexedDB", async ({ page }) => {
  await openSession(page, "identity");
  const deviceId = await page.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const request = indexedDB.open("clawscope");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const get = request.result.transaction("device-keys").objectStore("device-keys").get("default");
          get.onsuccess = () => resolve(get.result?.deviceId);
        };
      }),
  );
  expect(deviceId).toMatch(/^[0-9a-f]{64}$/);
  // The token from the embedded link never stays in the address bar.
  expect(page.url()).not.toContain("token");
});

test("a message gets a reply streamed from the scripted provider, then kept once", async ({ page }) => {
  await openSession(page, "stream");
  await sendMessage(page, "Please explain slowly. fake:slow");
  const turn = lastTurn(page);
  await expect(turn.getByText("Please explain slowly. fake:slow")).toBeVisible();
  // Partial text while the run is still going proves it streams.
  await expect(turn).toContainText("streamed slowly");
  await expect(page.getByRole("button", { name: "Stop the running reply" })).toBeVisible();
  expect(await turn.textContent()).not.toContain("Done.");
  await expect(turn).toContainText("closing sentence. Done.", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Stop the running reply" })).toBeHidden();

  await page.reload();
  await expect(transcript(page).getByText("Please explain slowly. fake:slow")).toHaveCount(1);
  await expect(transcript(page).getByRole("article")).toHaveCount(1);
  await expect(lastTurn(page)).toContainText("closing sentence. Done.");
});

test("model output with HTML and script tags renders as inert text", async ({ page }) => {
  await openSession(page, "html");
  await sendMessage(page, "Show me markup. fake:html");
  const turn = lastTurn(page);
  await expect(turn).toContainText("<script>window.__pwned=1</script>");
  await expect(turn).toContainText('<img src=x onerror="window.__pwned=2">');
  await expect(turn).toContainText("<b>not bold</b>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await turn.locator("script, img, b").count()).toBe(0);
  const hrefs = await turn.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(hrefs.some((href) => /javascript:/i.test(href))).toBe(false);
});
