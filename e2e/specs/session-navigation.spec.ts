import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

function sessionsNav(page: Page) {
  return page.getByRole("navigation", { name: "Sessions" });
}

function sessionHeading(page: Page) {
  return page.getByRole("main").getByRole("heading", { level: 1 });
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Two sessions whose long names differ only at their end, as a day's generated names do. */
async function similarSessions(id: string) {
  const name = (end: string) => `Quarterly report draft for the team ${id} ${end}`;
  const north = { key: `agent:main:e2e-nav-north-${id}`, name: name("north") };
  const south = { key: `agent:main:e2e-nav-south-${id}`, name: name("south") };
  for (const session of [north, south]) {
    await gatewayCall("sessions.create", { key: session.key, agentId: "main", label: session.name });
    // A turn, so the chat's tools (export, timelines) share the heading's row.
    await gatewayCall("chat.inject", { sessionKey: session.key, message: `Notes for ${session.name}.` });
  }
  return { north, south };
}

test("long similar names are cut in the middle, the chat names the open session, and the address follows it through Back, Forward and a reload", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = Date.now().toString(36);
  const { north, south } = await similarSessions(id);
  // Opened from a launch link that carries this gateway's own token (so nothing to ask): the token never reaches the address.
  const token = process.env.CLAWSCOPE_E2E_GATEWAY_TOKEN as string;
  const home = `agent:main:e2e-nav-home-${id}`;
  await page.goto(`/?session=${encodeURIComponent(home)}#token=${encodeURIComponent(token)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  const nav = sessionsNav(page);

  // Each row keeps its distinguishing end on screen; the middle gives way; the full name is the tooltip and accessible name.
  for (const session of [north, south]) {
    const button = nav.getByRole("button", { name: new RegExp(`^${escaped(session.name)}`) });
    const name = button.locator(`span[title="${session.name}"]`);
    await expect(name).toHaveCount(1);
    const [head, tail] = [name.locator("span").nth(1), name.locator("span").nth(2)];
    // The kept end starts at a word: " north", not the last 8 characters' "ym north"; the head carries no ellipsis
    // of its own (the browser's is the only one).
    expect(await tail.textContent()).toBe(session.name.slice(session.name.lastIndexOf(" ")));
    expect(await head.textContent()).toBe(session.name.slice(0, session.name.lastIndexOf(" ")));
    expect(await head.evaluate((element) => element.scrollWidth > element.clientWidth), `${session.name}: the middle is cut`).toBe(true);
    const [tailBox, buttonBox] = [await tail.boundingBox(), await button.boundingBox()];
    expect(tailBox && buttonBox && tailBox.x + tailBox.width <= buttonBox.x + buttonBox.width, `${session.name}: its end is inside the row`).toBe(true);
  }

  // Opening a session names it above the chat and puts it in the address.
  const addressOf = (key: string) => new RegExp(`\\?session=${escaped(encodeURIComponent(key))}$`);
  await nav.getByRole("button", { name: new RegExp(`^${escaped(north.name)}`) }).click();
  await expect(sessionHeading(page)).toHaveAccessibleName(`${north.name} · main`);
  await expect(page).toHaveURL(addressOf(north.key));
  // On a wide screen the heading has room for the whole name: the chat's tools move to the next line instead.
  await expect(page.getByRole("group", { name: "Export session" })).toBeVisible();
  const headingHead = sessionHeading(page).locator(`span[title="${north.name}"] > span`).nth(1);
  expect(await headingHead.evaluate((element) => element.scrollWidth <= element.clientWidth), "the heading shows the whole name").toBe(true);
  await nav.getByRole("button", { name: new RegExp(`^${escaped(south.name)}`) }).click();
  await expect(sessionHeading(page)).toHaveAccessibleName(`${south.name} · main`);
  await expect(page).toHaveURL(addressOf(south.key));

  // Back and Forward switch sessions; the list's highlight follows.
  await page.goBack();
  await expect(page).toHaveURL(addressOf(north.key));
  await expect(sessionHeading(page)).toHaveAccessibleName(`${north.name} · main`);
  await expect(nav.locator('[aria-current="page"]')).toHaveAccessibleName(new RegExp(`^${escaped(north.name)}`));
  await page.goBack();
  await expect(page).toHaveURL(addressOf(home));
  await expect(sessionHeading(page)).toHaveAccessibleName(`e2e-nav-home-${id} · main`);
  expect(page.url()).not.toContain(token);
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(addressOf(south.key));
  await expect(sessionHeading(page)).toHaveAccessibleName(`${south.name} · main`);

  // A reload, and the same address in a fresh tab, open the same session; no token is ever in the address.
  await page.reload();
  await expect(connectionStatus(page)).toContainText("Connected");
  await expect(sessionHeading(page)).toHaveAccessibleName(`${south.name} · main`);
  await expect(page).toHaveURL(addressOf(south.key));
  const shared = await page.context().newPage();
  await shared.goto(page.url());
  await expect(connectionStatus(shared)).toContainText("Connected", { timeout: 60_000 });
  await expect(sessionHeading(shared)).toHaveAccessibleName(`${south.name} · main`);
  expect(page.url()).not.toMatch(/token/i);
  expect(shared.url()).not.toContain(token);
});

test("Ctrl+K and ⌘K open a session search: typing filters by name, Enter opens, Esc closes, focus comes back", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = Date.now().toString(36);
  const { north, south } = await similarSessions(id);
  await openSession(page, "nav-search");
  const composer = page.getByRole("textbox", { name: "Message" });
  await composer.focus();

  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Search sessions" });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole("combobox", { name: "Session name or words in a message" });
  await expect(search).toBeFocused();
  // Tab and Shift+Tab go round the dialog's controls; focus never falls out of the modal onto the page.
  const close = dialog.getByRole("button", { name: "Close" });
  for (const [key, next] of [["Tab", close], ["Tab", search], ["Shift+Tab", close], ["Shift+Tab", search]] as const) {
    await page.keyboard.press(key);
    await expect(next, key).toBeFocused();
  }
  await search.fill(`${id} so`);
  // Only the name matches: the search of message text (which also finds the sessions' notes) has its own group.
  const results = dialog.getByRole("listbox", { name: "Matches" }).getByRole("group", { name: "Sessions" }).getByRole("option");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAccessibleName(`${south.name} main`);
  await expect(results.first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(sessionHeading(page)).toHaveAccessibleName(`${south.name} · main`);
  await expect(page).toHaveURL(new RegExp(`\\?session=${escaped(encodeURIComponent(south.key))}$`));
  await expect(composer).toBeFocused();

  // ⌘K too; the arrow keys move the choice; a name nothing has says so; Esc closes without opening anything.
  await page.keyboard.press("Meta+k");
  await expect(dialog).toBeVisible();
  await search.fill(`team ${id}`);
  await expect(results).toHaveCount(2);
  await page.keyboard.press("ArrowDown");
  await expect(results.nth(1)).toHaveAttribute("aria-selected", "true");
  await search.fill(`no such session ${id}`);
  await expect(results).toHaveCount(0);
  await expect(dialog.getByText(`No session name matches “no such session ${id}”.`)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(composer).toBeFocused();
  await expect(sessionHeading(page)).toHaveAccessibleName(`${south.name} · main`);
  expect(north.key).not.toBe(south.key);
});

for (const scheme of ["light", "dark"] as const) {
  test(`on a 390×844 phone (${scheme}) the header is one row and the chat's tools wait behind a button, so the transcript gets the screen`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 844 });
    await openSession(page, `nav-phone-${scheme}`);
    await sendMessage(page, "Run the quick command. fake:tool");
    await expect(lastTurn(page)).toContainText("Tool finished. Output: hello-from-fake-tool", { timeout: 60_000 });

    const header = page.getByRole("banner");
    const headerBox = await header.boundingBox();
    expect(headerBox?.height ?? 999, "header height").toBeLessThanOrEqual(52);
    const logBox = await transcript(page).boundingBox();
    // The header and the chat's heading row together take at most an eighth of the screen (they took 188 px before).
    expect(logBox?.y ?? 999, "transcript top").toBeLessThanOrEqual(110);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(390);

    // The header's secondary controls, behind one button that says whether it is open.
    const more = header.getByRole("button", { name: "More controls" });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await more.click();
    await expect(more).toHaveAttribute("aria-expanded", "true");
    const controls = header.getByRole("group", { name: "More controls" });
    await expect(controls.getByRole("button")).toHaveCount(4);
    await expect(controls.getByRole("button", { name: "Search sessions", exact: true })).toHaveAttribute("aria-keyshortcuts", "Control+K Meta+K");
    await expect(controls.getByRole("button", { name: /^Gateway( \d+ clients?)?$/ })).toBeVisible();
    await expect(controls.getByRole("button", { name: "Gateway logs", exact: true })).toBeVisible();
    await expect(controls.getByRole("button", { name: "Dark theme", exact: true })).toHaveAttribute("aria-pressed", String(scheme === "dark"));
    await page.keyboard.press("Escape");
    await expect(controls).toBeHidden();
    await expect(more).toBeFocused();
    await expect(more).toHaveAttribute("aria-expanded", "false");
    // Tab out of the open menu closes it, so it does not stay over the chat's tools.
    await more.click();
    await expect(controls).toBeVisible();
    await page.keyboard.press("Shift+Tab");
    await expect(header.getByRole("button", { name: "Details" })).toBeFocused();
    await expect(controls).toBeHidden();
    await expect(more).toHaveAttribute("aria-expanded", "false");

    // The chat's tools likewise; the heading beside them names the session.
    await expect(sessionHeading(page)).toHaveAccessibleName(/^e2e-nav-phone-\S+ · main$/);
    const toolsButton = page.getByRole("main").getByRole("button", { name: "Session tools" });
    await toolsButton.click();
    const tools = page.getByRole("group", { name: "Session tools" });
    await expect(tools.getByRole("button", { name: "Export session as Markdown" })).toBeVisible();
    await expect(tools.getByRole("button", { name: "Expand all timelines" })).toBeVisible();
    await page.mouse.click(200, 500);
    await expect(tools).toBeHidden();
  });
}
