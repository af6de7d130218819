/**
 * Catching up after a reconnect. The page asks `chat.history` only for what
 * was written since its last idle read (the delta cursor), not for the 200-row
 * tail again: after the network dropped its socket while another client talked
 * in the session, and after the gateway was killed mid-run and resumed the
 * interrupted turn by itself.
 */
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { connectionStatus, openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";
import { controlGateway } from "../support/gateway-control";
import { E2E_PORTS } from "../support/ports";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

interface Frame {
  type?: string;
  id?: string;
  method?: string;
  params?: { sessionKey?: string; cursor?: unknown; limit?: unknown };
  payload?: { kind?: unknown; messages?: unknown[]; deltaCursor?: unknown };
}

/** One socket the page opened, with every frame both ways, as the page sent and received them. */
interface Socket {
  sent: Frame[];
  received: Frame[];
}

/**
 * Every socket the page opens to the gateway goes through here: its frames are
 * recorded, and the network can drop it (`drop`) and refuse new ones (`holdOff`).
 */
async function recordSockets(page: Page) {
  const sockets: Socket[] = [];
  const network = { holdOff: false, current: undefined as { page: WebSocketRoute; server: WebSocketRoute } | undefined };
  await page.routeWebSocket(`ws://127.0.0.1:${E2E_PORTS.gateway}/`, (route) => {
    if (network.holdOff) {
      void route.close({ code: 1006, reason: "" });
      return;
    }
    const socket: Socket = { sent: [], received: [] };
    sockets.push(socket);
    const server = route.connectToServer();
    network.current = { page: route, server };
    route.onMessage((message) => {
      if (typeof message === "string") socket.sent.push(JSON.parse(message) as Frame);
      server.send(message);
    });
    server.onMessage((message) => {
      if (typeof message === "string") socket.received.push(JSON.parse(message) as Frame);
      route.send(message);
    });
  });
  const drop = async () => {
    await network.current?.server.close();
    await network.current?.page.close({ code: 1006, reason: "" });
  };
  return { sockets, network, drop };
}

/** A history read of the session with the turn's rows and a cursor has reached the page. */
function cursorLanded(socket: Socket | undefined, rows: number): boolean {
  return (socket?.received ?? []).some((frame) => frame.type === "res" && frame.payload?.messages?.length === rows && typeof frame.payload.deltaCursor === "string");
}

/** The session's chat.history reads on these sockets, in order, each with the gateway's answer. */
function historyReads(sockets: readonly Socket[], sessionKey: string) {
  return sockets.flatMap((socket) =>
    socket.sent
      .filter((frame) => frame.method === "chat.history" && frame.params?.sessionKey === sessionKey)
      .map((frame) => ({ params: frame.params, answer: socket.received.find((reply) => reply.type === "res" && reply.id === frame.id)?.payload })),
  );
}

const turnsWith = (page: Page, text: string) => transcript(page).getByRole("article").filter({ hasText: text });

test.afterEach(async () => {
  await controlGateway("ensure-running");
});

test("a dropped socket: back online, the page reads only what changed (a cursor, no tail) and shows the turn written meanwhile once", async ({ page }) => {
  const { sockets, network, drop } = await recordSockets(page);
  const sessionKey = await openSession(page, "catch-up");
  await sendMessage(page, "Before the drop. fake:text");
  await expect(turnsWith(page, "Before the drop.")).toContainText("Completed", { timeout: 60_000 });
  await expect.poll(() => cursorLanded(sockets[0], 2), { timeout: 30_000 }).toBe(true);

  // The network drops: the page's socket dies without a close frame, and its next tries fail too.
  network.holdOff = true;
  await drop();
  await expect(connectionStatus(page)).not.toContainText("Connected", { timeout: 30_000 });

  // Meanwhile another client writes in the same session, and the reply is stored.
  const written = "Written while you were away. fake:text";
  const ack = await gatewayCall<{ runId: string }>("chat.send", { sessionKey, message: written, idempotencyKey: `catch-up-${Date.now()}` });
  expect(await gatewayCall<{ status?: string }>("agent.wait", { runId: ack.runId, timeoutMs: 60_000 })).toMatchObject({ status: "ok" });

  network.holdOff = false;
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  const newTurn = turnsWith(page, "Written while you were away.");
  await expect(newTurn).toContainText("Here is a scripted reply from the fake model.", { timeout: 30_000 });

  // The reads on the new socket: the first carried the cursor and no limit, the gateway answered with the
  // turn's two rows, and no tail was read after it (the catch-up was used, not thrown away).
  expect(sockets.length).toBeGreaterThan(1);
  const reads = historyReads(sockets.slice(-1), sessionKey);
  expect(reads[0]?.params).toEqual({ sessionKey, cursor: expect.any(String) });
  expect(reads[0]?.answer?.kind).toBe("delta");
  expect(reads[0]?.answer?.messages).toHaveLength(2);
  expect(reads.filter((read) => read.params?.limit !== undefined)).toEqual([]);

  // Each turn once, the new one with its text exactly.
  await expect(newTurn).toHaveCount(1);
  await expect(transcript(page).getByText(written, { exact: true })).toHaveCount(1);
  await expect(turnsWith(page, "Before the drop.")).toHaveCount(1);
});

test("SIGKILL mid-run: back after the restart the page catches up from its cursor, and the interrupted turn, the gateway's resume note and the resumed run each show once", async ({ page }) => {
  const { sockets } = await recordSockets(page);
  const sessionKey = await openSession(page, "catch-up-sigkill");
  await sendMessage(page, "Warm up first. fake:text");
  await expect(turnsWith(page, "Warm up first.")).toContainText("Completed", { timeout: 60_000 });
  await expect.poll(() => cursorLanded(sockets.at(-1), 2), { timeout: 30_000 }).toBe(true);

  await sendMessage(page, "Count slowly in a shell. fake:slowtool");
  const interrupted = turnsWith(page, "Count slowly in a shell.");
  await expect(interrupted).toContainText("step 2", { timeout: 60_000 });
  const beforeKill = sockets.length;
  await controlGateway("sigkill");
  await expect(connectionStatus(page)).not.toContainText("Connected", { timeout: 30_000 });
  await controlGateway("start");
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 120_000 });

  await expect(interrupted.getByRole("alert").filter({ hasText: "Interrupted by gateway restart" })).toBeVisible({ timeout: 120_000 });
  const note = transcript(page).getByRole("note").filter({ hasText: "resumed the interrupted turn" });
  await expect(note).toBeVisible({ timeout: 120_000 });
  const resumed = transcript(page).getByRole("article").last();
  await expect(resumed).toContainText("Completed", { timeout: 120_000 });

  // The first read after the restart was the catch-up from the cursor held before the run, and the gateway answered it.
  const reads = historyReads(sockets.slice(beforeKill), sessionKey);
  expect(reads[0]?.params).toEqual({ sessionKey, cursor: expect.any(String) });
  expect(reads[0]?.answer?.kind).toBe("delta");
  await expect(note).toHaveCount(1);
  await expect(interrupted).toHaveCount(1);
  await expect(turnsWith(page, "Warm up first.")).toHaveCount(1);
});
