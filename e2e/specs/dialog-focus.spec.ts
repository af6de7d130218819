import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectionStatus } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

/**
 * Tab past a modal's last control, and Shift+Tab past its first, each land on the other end: focus never falls out
 * of the dialog onto the page under it or the browser's own bar.
 */
async function expectTabToGoRound(page: Page, first: Locator, last: Locator) {
  await last.focus();
  for (const [key, next] of [["Tab", first], ["Shift+Tab", last], ["Tab", first], ["Shift+Tab", last]] as const) {
    await page.keyboard.press(key);
    await expect(next, key).toBeFocused();
  }
}

/** A session of its own with a name to find its row by, opened. */
async function sessionNamed(page: Page, name: string) {
  const key = `agent:main:e2e-dialog-${name.toLowerCase().replace(/\W+/g, "-")}`;
  await gatewayCall("sessions.create", { key, agentId: "main", label: name });
  await page.goto(`/?session=${encodeURIComponent(key)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
}

/** Opens a row's actions (they stay open after a dialog) and asks for one; returns the action's button. */
async function askFor(scope: Locator, title: string, action: "Reset" | "Delete") {
  const more = scope.getByRole("button", { name: `More actions for “${title}”` });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  const button = scope.getByRole("group", { name: `Actions for “${title}”` }).getByRole("button", { name: action, exact: true });
  await button.click();
  return button;
}

test("the reset and delete confirmations keep Tab on their buttons, and Esc gives focus back to the button that asked", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const title = `Confirm focus ${Date.now().toString(36)}`;
  await sessionNamed(page, title);
  const nav = page.getByRole("navigation", { name: "Sessions" });

  for (const [action, dialogName, confirmLabel] of [
    ["Reset", "Reset this session?", "Reset session"],
    ["Delete", "Delete this session?", "Delete session"],
  ] as const) {
    const asker = await askFor(nav, title, action);
    const dialog = page.getByRole("dialog", { name: dialogName });
    const [cancel, confirm] = [dialog.getByRole("button", { name: "Cancel" }), dialog.getByRole("button", { name: confirmLabel })];
    await expect(cancel, `${action}: focus starts on Cancel`).toBeFocused();
    await expectTabToGoRound(page, cancel, confirm);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(asker, `${action}: focus is back on the button that asked`).toBeFocused();
  }
  // Nothing was done: the session is still there.
  await expect(nav.getByRole("button", { name: `More actions for “${title}”` })).toBeVisible();
});

test("the gateway logs dialog keeps Tab inside, and Esc gives focus back to the button that opened it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await sessionNamed(page, `Logs focus ${Date.now().toString(36)}`);
  const opener = page.getByRole("banner").getByRole("button", { name: "Gateway logs" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Gateway logs" });
  const [close, lines] = [dialog.getByRole("button", { name: "Close" }), dialog.getByRole("region", { name: "Gateway log lines" })];
  await expect(lines).toBeVisible();
  await expectTabToGoRound(page, close, lines);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("on a 390 px phone the sessions drawer, a confirmation inside it and the gateway logs dialog keep Tab inside, and Esc gives focus back", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const title = `Drawer focus ${Date.now().toString(36)}`;
  await sessionNamed(page, title);

  // The drawer: from Close at its top to Gateway settings at its foot, and round.
  const opener = page.getByRole("button", { name: "Sessions", exact: true });
  await opener.click();
  const drawer = page.getByRole("dialog", { name: "Sessions" });
  const [close, settings] = [drawer.getByRole("button", { name: "Close" }), drawer.getByRole("button", { name: "Gateway settings" })];
  await expectTabToGoRound(page, close, settings);

  // A confirmation opened in the drawer keeps Tab on its own buttons; Esc closes it alone.
  const asker = await askFor(drawer, title, "Reset");
  const confirmation = page.getByRole("dialog", { name: "Reset this session?" });
  await expectTabToGoRound(page, confirmation.getByRole("button", { name: "Cancel" }), confirmation.getByRole("button", { name: "Reset session" }));
  await page.keyboard.press("Escape");
  await expect(confirmation).toBeHidden();
  await expect(drawer).toBeVisible();
  await expect(asker).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();

  // The gateway logs, opened from the header's More controls.
  await page.getByRole("button", { name: "More controls" }).click();
  const logsButton = page.getByRole("group", { name: "More controls" }).getByRole("button", { name: "Gateway logs" });
  await logsButton.click();
  const logs = page.getByRole("dialog", { name: "Gateway logs" });
  const logLines = logs.getByRole("region", { name: "Gateway log lines" });
  await expect(logLines).toBeVisible();
  await expectTabToGoRound(page, logs.getByRole("button", { name: "Close" }), logLines);
  await page.keyboard.press("Escape");
  await expect(logs).toBeHidden();
  await expect(logsButton).toBeFocused();
});
