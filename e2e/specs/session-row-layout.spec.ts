import { expect, test } from "@playwright/test";
import { boxOf, overlaps } from "../support/geometry";
import { openSession, sendMessage } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

const LABEL = "Rotate the staging database credentials and redeploy the api-gateway";

test("a long session name keeps room beside its row's badges while a run waits for approval, or they go under it: no badge is covered or cut", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const sessionKey = await openSession(page, "row-badges");
  await gatewayCall("sessions.patch", { key: sessionKey, label: LABEL });
  // `/exec ask=always` holds the run at its command until someone decides: "running" and "approval needed" together.
  await sendMessage(page, "/exec ask=always Please run the check. fake:approval");

  const row = page.getByRole("navigation", { name: "Sessions" }).getByRole("listitem").filter({ hasText: LABEL });
  const running = row.getByText("running", { exact: true });
  const approval = row.getByText("approval needed", { exact: true });
  await expect(running).toBeVisible({ timeout: 90_000 });
  await expect(approval).toBeVisible({ timeout: 90_000 });

  const name = row.locator(`[title="${LABEL}"]`);
  // The name's two visible parts: the head the browser cuts with an ellipsis, and the kept end.
  const [head, tail] = [name.locator("> span").nth(1), name.locator("> span").nth(2)];
  await expect(tail).toHaveText("-gateway");
  const parts = await Promise.all([head, tail].map(boxOf));
  for (const badge of [running, approval]) {
    const badgeBox = await boxOf(badge);
    for (const part of parts) expect(overlaps(part, badgeBox)).toBe(false);
    // Each badge shows all of its text.
    expect(await badge.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  }
  // The name stays inside its own box, at least 7rem wide (it was squeezed to "-…" by two badges), and each badge
  // is after it on its line or on a line below it.
  const nameBox = await boxOf(name);
  for (const part of parts) expect(part.x + part.width).toBeLessThanOrEqual(nameBox.x + nameBox.width + 0.5);
  expect(nameBox.width).toBeGreaterThanOrEqual(112);
  expect(parts[0]!.width, "the cut head of the name still shows some of it").toBeGreaterThanOrEqual(40);
  for (const badge of [running, approval]) {
    const badgeBox = await boxOf(badge);
    expect(nameBox.x + nameBox.width <= badgeBox.x || badgeBox.y >= nameBox.y + nameBox.height, JSON.stringify({ nameBox, badgeBox })).toBe(true);
  }

  const pending = (await gatewayCall<{ id: string; request: { sessionKey?: string } }[]>("exec.approval.list", {})).find((item) => item.request.sessionKey === sessionKey);
  if (pending) await gatewayCall("exec.approval.resolve", { id: pending.id, decision: "deny" });
});
