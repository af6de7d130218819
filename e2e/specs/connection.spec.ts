import { expect, test } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage } from "../support/chat-page";
import { controlGateway } from "../support/gateway-control";
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

test("reconnects by itself to a gateway that restarts and is still starting", async ({ page }) => {
  test.setTimeout(240_000);
  await openSession(page, "restart");
  const stopped = controlGateway("sigterm");
  await expect(connectionStatus(page)).toContainText("Gateway restarting");
  await stopped;
  const started = controlGateway("start");
  // While it boots the gateway first refuses connections, then answers 1013 "gateway starting": never a terminal error.
  await expect(connectionStatus(page)).not.toContainText("Not connected", { timeout: 5_000 });
  await started;
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 90_000 });
  await sendMessage(page, "Are you back? fake:text");
  await expect(lastTurn(page)).toContainText("scripted", { timeout: 60_000 });
});
