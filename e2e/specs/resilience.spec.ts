/**
 * The gateway goes away (restart, crash) while people use it. Each test
 * stops or kills the one shared real gateway and brings it back, so they run
 * in order and always leave it running.
 */
import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";
import { controlGateway } from "../support/gateway-control";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const BACK_ONLINE = { timeout: 120_000 };

interface HistoryRow {
  role?: string;
  content?: unknown;
}

async function userMessagesInHistory(sessionKey: string, text: string): Promise<number> {
  const history = await gatewayCall<{ messages?: HistoryRow[] }>("chat.history", { sessionKey, limit: 200 });
  return (history.messages ?? []).filter((row) => row.role === "user" && JSON.stringify(row.content).includes(text)).length;
}

function turnsWith(page: Page, text: string) {
  return transcript(page).getByRole("article").filter({ hasText: text });
}

test.afterEach(async () => {
  // Whatever a test did to the gateway, the next one starts with it running.
  await controlGateway("ensure-running");
});

test("SIGTERM during a streaming reply: says restarting, comes back by itself, the reply is complete and each message shows once", async ({ page }) => {
  const sessionKey = await openSession(page, "sigterm-stream");
  await sendMessage(page, "Tell me slowly. fake:slow");
  const turn = lastTurn(page);
  await expect(turn).toContainText("streamed slowly", { timeout: 60_000 });

  const stopped = controlGateway("sigterm");
  // The gateway drains the run before it closes the socket with 1012.
  await expect(turn).toContainText("Done.", { timeout: 60_000 });
  await expect(connectionStatus(page)).toContainText("Gateway restarting", { timeout: 60_000 });
  await stopped;
  const started = controlGateway("start");
  // While it boots the gateway first refuses connections, then answers 1013 "gateway starting": never a terminal error.
  await expect(connectionStatus(page)).not.toContainText("Not connected", { timeout: 5_000 });
  await started;
  await expect(connectionStatus(page)).toContainText("Connected", BACK_ONLINE);

  await expect(turn.getByRole("note", { name: "Run outcome" }).or(turn.getByRole("alert"))).toHaveCount(0);
  await expect(turn).toContainText("Completed");
  await expect(turnsWith(page, "Tell me slowly.")).toHaveCount(1);
  await expect(turn.getByText("Done.")).toHaveCount(1);
  expect(await userMessagesInHistory(sessionKey, "Tell me slowly.")).toBe(1);
});

test("SIGKILL during a run: 1006 in the timeline, the run shows interrupted, then the gateway's resumed turn is followed live", async ({ page }) => {
  await openSession(page, "sigkill");
  await sendMessage(page, "Count slowly in a shell. fake:slowtool");
  const turn = turnsWith(page, "Count slowly in a shell.");
  await expect(turn).toContainText("step 2", { timeout: 60_000 });

  await controlGateway("sigkill");
  await expect(connectionStatus(page)).not.toContainText("Connected", { timeout: 30_000 });
  const timeline = turn.getByRole("region", { name: "Run timeline" });
  const toggle = timeline.getByRole("button", { name: /Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  await expect(timeline).toContainText("1006");

  // Sampled while the gateway is down: nothing claims to know what the killed process was doing.
  await expect(connectionStatus(page)).toContainText(/Closed without notice \(1006\): the gateway process stopped or the network dropped · retrying(: next try in \d+ s| now)/);
  const exec = timeline.getByRole("button", { name: /^\+\S+ s exec / });
  await expect(exec).toContainText(/unknown since the connection dropped at \d{2}:\d{2}:\d{2}/);
  const whileDown = (await exec.textContent()) ?? "";
  const droppedAt = /dropped at (\d{2}:\d{2}:\d{2})/.exec(whileDown)?.[1];
  await expect(page.getByRole("status", { name: "Provider health" })).toContainText(`unknown while not connected — last known: ready at ${droppedAt}`);
  // The duration stopped at the drop: it does not tick on as if the command still ran.
  await page.waitForTimeout(2_500);
  expect(await exec.textContent()).toBe(whileDown);
  await expect(turn.getByRole("alert").filter({ hasText: "Outcome unknown" })).toContainText("The connection to the gateway was lost during this turn");
  // Text may still come (the gateway can resume the turn): the reply bubble does not claim there is none.
  await expect(turn.getByText("No reply text so far.", { exact: true })).toBeVisible();
  await expect(turn.getByText("No reply.", { exact: true })).toHaveCount(0);

  await controlGateway("start");
  await expect(connectionStatus(page)).toContainText("Connected", BACK_ONLINE);
  await expect(page.getByRole("status", { name: "Provider health" })).toContainText("ready", BACK_ONLINE);
  await expect(page.getByRole("status", { name: "Provider health" })).not.toContainText("unknown while not connected");

  const banner = turn.getByRole("alert").filter({ hasText: "Interrupted by gateway restart" });
  await expect(banner).toBeVisible(BACK_ONLINE);
  if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  // Back with a new boot and the killed run did not resume: its command is interrupted, at the moment of the drop.
  await expect(exec).toContainText(`interrupted: the gateway went down at ${droppedAt}`);
  await expect(turn.getByText("No reply before the gateway went down.", { exact: true })).toBeVisible();
  await timeline.getByRole("group", { name: "Show the run as" }).getByRole("button", { name: "Waterfall" }).click();
  const waterfall = timeline.getByRole("region", { name: "Run waterfall" });
  await expect(waterfall.getByRole("group", { name: "Connection" }).getByRole("button", { name: /^Disconnected: .*1006/ })).toHaveCount(1);
  await expect(waterfall.getByRole("group", { name: "Where the time went" })).toContainText("Disconnected");
  // The gateway writes its own "[System] … interrupted" message and runs the turn again: a note, not a user bubble.
  const note = transcript(page).getByRole("note").filter({ hasText: "resumed the interrupted turn" });
  await expect(note).toBeVisible(BACK_ONLINE);
  const resumed = transcript(page).getByRole("article").last();
  // The scripted model carries on with the task, so the resumed turn runs the tool again, live.
  await expect(resumed.getByRole("status", { name: "Run status" })).toBeVisible(BACK_ONLINE);
  await expect(resumed).toContainText("Completed", BACK_ONLINE);
  await expect(turnsWith(page, "Count slowly in a shell.")).toHaveCount(1);
});

test("while the gateway is unreachable the header keeps every control on screen, at 1280 and at 390 px, and the page never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSession(page, "unreachable-header");
  await controlGateway("sigkill");
  const pill = connectionStatus(page);
  await expect(pill).toContainText(/Gateway unreachable· Closed without notice \(1006\): .* attempts? so far/, { timeout: 60_000 });
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);
  for (const name of ["Search sessions", "Gateway logs", "Dark theme"]) {
    const box = await page.getByRole("button", { name }).boundingBox();
    expect(box && box.x + box.width, name).toBeLessThanOrEqual(1280);
  }
  await page.getByRole("button", { name: "Dark theme" }).click();
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
  expect(await sideways()).toBeLessThanOrEqual(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "More controls" })).toBeVisible();
  expect(await sideways()).toBeLessThanOrEqual(0);
  // The pill gives way on one line: it neither covers the drawer's button nor wraps onto a second line.
  const sessions = await page.getByRole("button", { name: "Sessions", exact: true }).boundingBox();
  const pillBox = await pill.boundingBox();
  expect(sessions && pillBox && pillBox.x >= sessions.x + sessions.width).toBe(true);
  expect(pillBox && pillBox.height).toBeLessThanOrEqual(32);
  // The whole sentence stays reachable even where the pill cuts it.
  await expect(pill).toHaveAttribute("title", /^Gateway unreachable · Closed without notice \(1006\): the gateway process stopped or the network dropped · retrying/);
  await controlGateway("start");
  await expect(pill).toContainText("Connected", BACK_ONLINE);
});

test("messages written while the gateway is down wait, survive a reload, can be canceled, and are delivered exactly once", async ({ page }) => {
  const sessionKey = await openSession(page, "outbox");
  await controlGateway("sigterm");
  await expect(connectionStatus(page)).not.toContainText("Connected", { timeout: 30_000 });

  await sendMessage(page, "Queued while down. fake:text");
  await sendMessage(page, "Never mind this one. fake:text");
  const waiting = turnsWith(page, "Queued while down.");
  const canceled = turnsWith(page, "Never mind this one.");
  await expect(waiting.getByRole("status", { name: "Delivery" })).toContainText("Waiting for the gateway");
  await canceled.getByRole("button", { name: "Cancel message" }).click();
  await expect(canceled).toHaveCount(0);

  // A reload while reconnecting loses nothing: the message is still there, still waiting; the canceled one stays gone.
  await page.reload();
  await expect(waiting.getByRole("status", { name: "Delivery" })).toContainText("Waiting for the gateway");
  await expect(canceled).toHaveCount(0);

  await controlGateway("start");
  await expect(connectionStatus(page)).toContainText("Connected", BACK_ONLINE);
  await expect(waiting).toContainText("scripted", { timeout: 90_000 });
  await expect(waiting.getByRole("status", { name: "Delivery" })).toHaveCount(0);
  await expect(turnsWith(page, "Queued while down.")).toHaveCount(1);
  expect(await userMessagesInHistory(sessionKey, "Queued while down.")).toBe(1);

  // And the next page sends neither again.
  await page.reload();
  await expect(connectionStatus(page)).toContainText("Connected", BACK_ONLINE);
  await expect(turnsWith(page, "Queued while down.")).toHaveCount(1);
  await expect(canceled).toHaveCount(0);
  expect(await userMessagesInHistory(sessionKey, "Queued while down.")).toBe(1);
  expect(await userMessagesInHistory(sessionKey, "Never mind this one.")).toBe(0);
});

test("an in-place restart (SIGUSR2, as after a config change): a message written meanwhile goes out once", async ({ page }) => {
  const sessionKey = await openSession(page, "in-place");
  const text = "Written during an in-place restart. fake:text";
  const sends: string[] = [];
  page.on("websocket", (socket) =>
    socket.on("framesent", (frame) => {
      const payload = String(frame.payload);
      if (payload.includes('"chat.send"') && payload.includes("in-place restart")) sends.push(payload);
    }),
  );
  await controlGateway("restart-in-place");
  await expect(connectionStatus(page)).toContainText("Gateway restarting", { timeout: 30_000 });
  await sendMessage(page, text);
  const turn = turnsWith(page, "Written during an in-place restart.");
  await expect(turn.getByRole("status", { name: "Delivery" })).toHaveText(/^Waiting for the gateway: sends by itself once it is back\./);

  await expect(connectionStatus(page)).toContainText("Connected", BACK_ONLINE);
  await expect(turn).toContainText("Here is a scripted reply from the fake model.", { timeout: 90_000 });
  await expect(turn.getByRole("status", { name: "Delivery" })).toHaveCount(0);
  await expect(turn).toHaveCount(1);
  expect(sends).toHaveLength(1);
  expect(await userMessagesInHistory(sessionKey, "Written during an in-place restart.")).toBe(1);
});

test("two tabs on one session: a message sent in one shows once in both", async ({ browser }) => {
  const first = await browser.newPage();
  const sessionKey = await openSession(first, "two-tabs");
  const second = await browser.newPage();
  await second.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(second)).toContainText("Connected", { timeout: 60_000 });

  await sendMessage(first, "From the first tab. fake:text");
  for (const page of [first, second]) {
    await expect(turnsWith(page, "From the first tab.")).toHaveCount(1);
    await expect(turnsWith(page, "From the first tab.")).toContainText("scripted", { timeout: 60_000 });
  }
  await sendMessage(second, "From the second tab. fake:text");
  for (const page of [first, second]) {
    await expect(turnsWith(page, "From the second tab.")).toContainText("scripted", { timeout: 60_000 });
    await expect(turnsWith(page, "From the first tab.")).toHaveCount(1);
    await expect(turnsWith(page, "From the second tab.")).toHaveCount(1);
  }
  expect(await userMessagesInHistory(sessionKey, "From the first tab.")).toBe(1);
  await first.close();
  await second.close();
});
