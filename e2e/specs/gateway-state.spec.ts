import { expect, test, type Browser, type Page } from "@playwright/test";
import { connectionStatus, openSession, GATEWAY_BUTTON } from "../support/chat-page";
import { controlGateway } from "../support/gateway-control";
import { E2E_PORTS } from "../support/ports";

// The gateway locks a browser origin out for 5 minutes after 10 failed logins: wrong-token tests use their own origin.
const WRONG_TOKEN_ORIGIN = `http://localhost:${E2E_PORTS.ui}`;

async function openTab(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openSession(page, name);
  return page;
}

async function openGatewayPanel(page: Page) {
  await page.getByRole("button", { name: GATEWAY_BUTTON }).click();
  return page.getByRole("dialog", { name: "Gateway" });
}

function clientRows(page: Page) {
  return page.getByRole("list", { name: "Connected clients" }).getByRole("listitem");
}

/** Other dashboards that are connected; earlier specs may leave a failing-handshake row (e.g. the wrong-token test). */
function otherDashboards(page: Page) {
  return clientRows(page).filter({ hasText: "Other dashboard", hasNotText: "Failing to connect" });
}

test("the gateway panel shows version, uptime, health and every connected client, this tab and another dashboard marked", async ({ browser }) => {
  const first = await openTab(browser, "clients-a");
  const second = await openTab(browser, "clients-b");

  const panel = await openGatewayPanel(first);
  await expect(panel).toContainText(/Version\s*OpenClaw \d{4}\.\d+\.\d+/);
  await expect(panel).toContainText(/Uptime\s*\d+ (s|min|h|d)/);
  await expect(panel).toContainText(/Health\s*(OK|Degraded)/);
  await expect(panel).toContainText(/Boot id\s*[0-9a-f]{8}/);

  await expect(clientRows(first).filter({ hasText: "This tab" })).toHaveCount(1);
  await expect(clientRows(first).filter({ hasText: "This tab" })).toContainText("openclaw-control-ui");
  await expect(otherDashboards(first)).toHaveCount(1);
  await expect(otherDashboards(first)).toContainText(/webchat.*clawscope\//);
  await expect(clientRows(first).filter({ hasText: "Gateway" })).toHaveCount(1);

  // The other tab is the one marked: once it closes, the gateway's presence event takes it off the list.
  await second.context().close();
  await expect(otherDashboards(first)).toHaveCount(0);
  await expect(first.getByRole("list", { name: "Recently disconnected clients" })).toContainText("Clawscope");
  await first.context().close();
});

test("a tab whose handshake fails says who it signed in as, and other tabs list it as failing", async ({ browser }) => {
  const watcher = await openTab(browser, "failing-watch");
  const gatewayUrl = process.env.CLAWSCOPE_E2E_GATEWAY_URL ?? "";
  expect(gatewayUrl).not.toBe("");

  const failingContext = await browser.newContext();
  const failing = await failingContext.newPage();
  await failing.goto(`${WRONG_TOKEN_ORIGIN}/?gatewayUrl=${encodeURIComponent(gatewayUrl)}#token=definitely-not-the-token`);
  // A token from a link is only used once the user says so.
  await failing.getByRole("dialog", { name: /^Use the token from this link for ws:\/\/127\.0\.0\.1:\d+\?$/ }).getByRole("button", { name: "Connect" }).click();
  const alert = failing.getByRole("alert").filter({ hasText: "Wrong gateway token" });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert).toContainText(/signed in as openclaw-control-ui \(webchat, operator\) from device [0-9a-f]{6}…[0-9a-f]{6} using gateway token/);
  await expect(alert).not.toContainText("definitely-not-the-token");

  const instance = (await failing.evaluate(() => sessionStorage.getItem("clawscope.instance"))) ?? "";
  expect(instance).not.toBe("");

  await openGatewayPanel(watcher);
  // Other specs' wrong-token tabs may be listed too; this one is told apart by its instance.
  const failingRow = clientRows(watcher).filter({ hasText: "Failing to connect" }).filter({ hasText: `instance ${instance.slice(0, 8)}` });
  await expect(failingRow).toHaveCount(1);
  await expect(failingRow).toContainText(WRONG_TOKEN_ORIGIN);
  await expect(failingRow).toContainText(/1 failed connection attempt, last .* · unauthorized: wrong token · sent token/);
  await failingContext.close();
  await watcher.context().close();
});

test("a gateway restart shows as a new boot id, in the open tab and in a tab that was away", async ({ browser }) => {
  test.setTimeout(300_000);
  const open = await openTab(browser, "restart-open");
  const away = await openTab(browser, "restart-away");
  const panel = await openGatewayPanel(open);
  const bootIdBefore = (await panel.getByTitle(/^[0-9a-f-]{36}$/).textContent()) ?? "";
  expect(bootIdBefore).toMatch(/^[0-9a-f]{8}$/);
  await away.goto("about:blank");

  await controlGateway("restart");
  await expect(connectionStatus(open)).toContainText("Connected", { timeout: 120_000 });
  await expect(panel.getByRole("note")).toContainText(new RegExp(`Gateway restarted, back since .* \\(boot ${bootIdBefore} → [0-9a-f]{8}\\)`));
  await expect(panel).not.toContainText(new RegExp(`Boot id\\s*${bootIdBefore}`));
  await open.getByRole("button", { name: "Details" }).click();
  await expect(open.locator("#connection-details")).toContainText(`Gateway restarted, back since`);

  await away.goBack();
  await expect(connectionStatus(away)).toContainText("Connected", { timeout: 60_000 });
  await away.getByRole("button", { name: "Details" }).click();
  await expect(away.locator("#connection-details")).toContainText(new RegExp(`Gateway restarted while this page was closed \\(boot ${bootIdBefore} → [0-9a-f]{8}\\)`));
  await open.context().close();
  await away.context().close();
});
