import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

interface ListedSession {
  key: string;
  agentId?: string;
  label?: string;
  pinned?: boolean;
}

async function gatewaySessions(): Promise<ListedSession[]> {
  return (await gatewayCall<{ sessions: ListedSession[] }>("sessions.list", { limit: 200 })).sessions;
}

function sessionsNav(page: Page) {
  return page.getByRole("navigation", { name: "Sessions" });
}

/** The open session's key, as the app keeps it. */
function openKey(page: Page): Promise<string | null> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem("clawscope.connection.v1") ?? "{}") as { sessionKey?: string }).sessionKey ?? null);
}

/** The rows of one agent's group, by the name each row's select button shows first (its tooltip holds the full name). */
function rowTitles(group: Locator) {
  return group.getByRole("listitem").locator("button >> nth=0 >> span[title] >> nth=0");
}

/** Opens the row's actions (they stay open after a dialog, where focus comes back to) and picks one. */
async function act(nav: Locator, title: string, action: "Rename" | "Reset" | "Delete") {
  const more = nav.getByRole("button", { name: `More actions for “${title}”` });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  await nav.getByRole("group", { name: `Actions for “${title}”` }).getByRole("button", { name: action }).click();
}

test("sessions: one with the second agent is created, renamed, pinned, found by the filter, reset and deleted, each confirmed by the gateway", async ({ page }) => {
  const id = Date.now().toString(36);
  // Two sessions of the default agent, so pinning has something to move past.
  const older = `agent:main:e2e-pin-older-${id}`;
  await gatewayCall("sessions.create", { key: older, agentId: "main", label: `Older ${id}` });
  await gatewayCall("sessions.create", { key: `agent:main:e2e-pin-newer-${id}`, agentId: "main", label: `Newer ${id}` });
  await openSession(page, "sessions-home");
  const nav = sessionsNav(page);

  // New session: the gateway has two agents, so the user picks one.
  await nav.getByRole("button", { name: "New session" }).click();
  await nav.getByRole("group", { name: "Start a session with" }).getByRole("button", { name: "Helper" }).click();
  await expect(nav.getByRole("status")).toHaveText("Created a session with Helper.×");
  const created = await openKey(page);
  expect(created).toMatch(/^agent:helper:chat-\d{12}-[a-z0-9]+$/);
  expect((await gatewaySessions()).find((row) => row.key === created)?.agentId).toBe("helper");
  const helperGroup = nav.getByRole("region", { name: "Helper sessions" });
  const title = (created as string).split(":")[2] as string;
  await expect(helperGroup.locator('[aria-current="page"]')).toContainText(title);

  // Rename: the new name shows, the gateway has it, and it survives a reload.
  const name = `Plans ${id}`;
  await act(nav, title, "Rename");
  await nav.getByRole("textbox", { name: "Name (empty = the gateway's title)" }).fill(name);
  await nav.getByRole("button", { name: "Save name" }).click();
  await expect(nav.getByRole("status")).toHaveText(`Renamed “${title}” to “${name}”.×`);
  await expect(helperGroup.locator('[aria-current="page"]')).toContainText(name);
  expect((await gatewaySessions()).find((row) => row.key === created)?.label).toBe(name);
  await page.reload();
  await expect(connectionStatus(page)).toContainText("Connected");
  await expect(helperGroup.locator('[aria-current="page"]')).toContainText(name);

  // Pin: the older session moves to the top of its agent's group, and the gateway keeps the pin.
  const mainGroup = nav.getByRole("region", { name: "main sessions" });
  const titles = rowTitles(mainGroup);
  await expect(titles.filter({ hasText: `Newer ${id}` })).toHaveCount(1);
  const olderPin = nav.getByRole("button", { name: `Pin “Older ${id}”` });
  await expect(olderPin).toHaveAttribute("aria-pressed", "false");
  await olderPin.click();
  await expect(nav.getByRole("status")).toHaveText(`Pinned “Older ${id}”.×`);
  await expect(olderPin).toHaveAttribute("aria-pressed", "true");
  await expect(titles.first()).toHaveAttribute("title", `Older ${id}`);
  expect((await gatewaySessions()).find((row) => row.key === older)?.pinned).toBe(true);

  // Filter by name: only what matches stays, in its agent's group.
  const filter = nav.getByRole("searchbox", { name: "Filter sessions by name" });
  await filter.fill(`plans ${id}`);
  await expect(nav.getByRole("listitem")).toHaveCount(1);
  await expect(nav.getByRole("region")).toHaveCount(1);
  await expect(helperGroup.getByRole("listitem")).toContainText(name);
  await filter.fill(`no such session ${id}`);
  await expect(nav.getByText(`No session matches “no such session ${id}”.`)).toBeVisible();
  await filter.fill("");

  // Reset: after a reply, the transcript starts empty, here and on the gateway.
  await sendMessage(page, "Say something to reset.");
  await expect(lastTurn(page)).toContainText("You said: “Say something to reset.”", { timeout: 60_000 });
  await act(nav, name, "Reset");
  const resetDialog = page.getByRole("dialog", { name: "Reset this session?" });
  await expect(resetDialog).toContainText(`“${name}” (${created})`);
  await resetDialog.getByRole("button", { name: "Reset session" }).click();
  await expect(resetDialog).toBeHidden();
  await expect(nav.getByRole("status")).toHaveText(`Reset “${name}”: its transcript starts empty.×`);
  await expect(transcript(page)).toContainText("Nothing here yet");
  await expect(transcript(page)).not.toContainText("Say something to reset.");
  const history = await gatewayCall<{ messages: { role: string }[] }>("chat.history", { sessionKey: created });
  expect(history.messages.filter((message) => message.role === "user" || message.role === "assistant")).toEqual([]);

  // Delete: asked first (Cancel keeps it), then gone from the list once the gateway confirms.
  await act(nav, name, "Delete");
  const deleteDialog = page.getByRole("dialog", { name: "Delete this session?" });
  await expect(deleteDialog).toContainText(`“${name}” (${created})`);
  await deleteDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(deleteDialog).toBeHidden();
  expect((await gatewaySessions()).some((row) => row.key === created)).toBe(true);
  await act(nav, name, "Delete");
  await deleteDialog.getByRole("button", { name: "Delete session" }).click();
  await expect(nav.getByRole("status")).toHaveText(`Deleted “${name}”.×`);
  await expect(nav.getByText(name, { exact: true })).toHaveCount(0);
  expect((await gatewaySessions()).some((row) => row.key === created)).toBe(false);
  // The deleted session was open: its agent's main session takes its place.
  expect(await openKey(page)).toBe("agent:helper:main");
});

test("a main session offers reset but not delete, which the gateway would refuse, and says why", async ({ page }) => {
  await page.goto(`/?session=${encodeURIComponent("agent:main:main")}`);
  await expect(connectionStatus(page)).toContainText("Connected");
  const nav = sessionsNav(page);
  const active = nav.locator('[aria-current="page"]');
  const mainTitle = ((await active.locator("span[title]").first().getAttribute("title")) ?? "").trim();
  expect(mainTitle).not.toBe("");
  await nav.getByRole("button", { name: `More actions for “${mainTitle}”` }).click();
  const actions = nav.getByRole("group", { name: `Actions for “${mainTitle}”` });
  await expect(actions).toContainText("The main session can be reset, not deleted.");
  await expect(actions.getByRole("button", { name: "Reset" })).toBeVisible();
  await expect(actions.getByRole("button", { name: "Delete" })).toHaveCount(0);
});

test("on a 390 px phone nothing scrolls sideways, the session drawer works from the keyboard, and a tool run can be followed", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const id = Date.now().toString(36);
  const target = `agent:main:e2e-phone-target-${id}`;
  const targetName = `Phone target ${id}`;
  await gatewayCall("sessions.create", { key: target, agentId: "main", label: targetName });
  await openSession(page, "phone");
  const scrollWidth = () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
  expect(await scrollWidth()).toBeLessThanOrEqual(390);

  // The header fits on at most two lines, with every control inside the screen.
  const header = page.getByRole("banner");
  expect((await header.boundingBox())?.height ?? 999).toBeLessThanOrEqual(100);
  for (const control of await header.getByRole("button").all()) {
    const box = await control.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, `${await control.textContent()} inside the screen`).toBe(true);
  }

  // The drawer opens from the keyboard, holds focus, closes on Esc and gives focus back.
  const opener = page.getByRole("button", { name: "Sessions" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: "Sessions" });
  await expect(drawer).toBeVisible();
  expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();

  // Switch session through the drawer.
  await opener.click();
  await drawer.getByRole("button", { name: new RegExp(`^${targetName}`) }).click();
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await openKey(page)).toBe(target);

  // A tool run: screen readers hear it start and end; the output is on the message and in the timeline.
  const announcements = page.getByRole("status", { name: "Run announcements" });
  await sendMessage(page, "Run the quick command. fake:tool");
  await expect(announcements).toHaveText("Run started: the agent is working.");
  await expect(announcements).toHaveText(/^Run ended: Completed\. Answered in [\d.]+ (ms|s), ran 1 tool call\.$/, { timeout: 60_000 });
  const turn = lastTurn(page);
  await expect(turn).toContainText("Tool finished. Output: hello-from-fake-tool");
  const toggle = turn.getByRole("button", { name: /^Timeline/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const timeline = turn.getByRole("region", { name: "Run timeline" });
  const tool = timeline.getByRole("button", { name: /exec/ });
  if ((await tool.getAttribute("aria-expanded")) !== "true") await tool.click();
  // The step's blocks are its arguments (the command) and its output; the output is the one that starts with it.
  await expect(timeline.getByText("Output", { exact: true })).toBeVisible();
  const blocks = await timeline.locator("pre").allTextContents();
  // Live output ends with the command's newline, history's copy without it; on screen they read the same.
  expect(blocks.filter((text) => text.startsWith("hello-from-fake-tool")).map((text) => text.trimEnd())).toEqual(["hello-from-fake-tool\nLinux"]);
  expect(await scrollWidth()).toBeLessThanOrEqual(390);
});
