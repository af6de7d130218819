import { expect, test } from "@playwright/test";
import { connectionStatus, openSession } from "../support/chat-page";
import { E2E_PORTS } from "../support/ports";

// The gateway locks a browser origin out for 5 minutes after 10 failed logins: wrong-token tests use their own origin.
const WRONG_TOKEN_ORIGIN = `http://localhost:${E2E_PORTS.ui}`;

test("a wrong token gets a clear message and no retry loop", async ({ page }) => {
  await openSession(page, "wrong-token", WRONG_TOKEN_ORIGIN);
  const sockets: string[] = [];
  page.on("websocket", (socket) => sockets.push(socket.url()));

  await page.getByRole("button", { name: "Gateway settings" }).click();
  await page.getByLabel("Gateway token").fill("definitely-not-the-token");
  await page.getByRole("button", { name: "Connect" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "Wrong gateway token" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("openclaw gateway auth-token --show");
  await expect(connectionStatus(page)).toContainText("Not connected: Wrong gateway token");
  await page.waitForTimeout(8000);
  expect(sockets).toHaveLength(1);
  await expect(connectionStatus(page)).toContainText("Not connected: Wrong gateway token");
});
