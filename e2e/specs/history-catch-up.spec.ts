/**
 * The network drops the page's socket (the gateway keeps running) and, while
 * the page is away, another client talks in the same session. Back online, the
 * page asks `chat.history` only for what was written since its last read (the
 * delta cursor), not for the 200-row tail again, and shows the new turn once.
 */
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { connectionStatus, openSession, sendMessage, transcript } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";
import { E2E_PORTS } from "../support/ports";

test.setTimeout(180_000);

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

const turnsWith = (page: Page, text: string) => transcript(page).getByRole("article").filter({ hasText: text });

test("a dropped socket: back online, the page reads only what changed (a cursor, no tail) and shows the turn written meanwhile once", async ({ page }) => {
  const sockets: Socket[] = [];
  let current: { page: WebSocketRoute; server: WebSocketRoute } | undefined;
  let holdOff = false;
  // Every socket to the gateway goes through here: the frames are recorded, and the network can be made to drop.
  await page.routeWebSocket(`ws://127.0.0.1:${E2E_PORTS.gateway}/`, (route) => {
    if (holdOff) {
      void route.close({ code: 1006, reason: "" });
      return;
    }
    const socket: Socket = { sent: [], received: [] };
    sockets.push(socket);
    const server = route.connectToServer();
    current = { page: route, server };
    route.onMessage((message) => {
      if (typeof message === "string") socket.sent.push(JSON.parse(message) as Frame);
      server.send(message);
    });
    server.onMessage((message) => {
      if (typeof message === "string") socket.received.push(JSON.parse(message) as Frame);
      route.send(message);
    });
  });

  const sessionKey = await openSession(page, "catch-up");
  await sendMessage(page, "Before the drop. fake:text");
  await expect(turnsWith(page, "Before the drop.")).toContainText("Completed", { timeout: 60_000 });
  // The read after the run has landed: the turn's rows, and the cursor to catch up from.
  const first = sockets[0] as Socket;
  const landed = () => first.received.some((frame) => frame.type === "res" && frame.payload?.messages?.length === 2 && typeof frame.payload.deltaCursor === "string");
  await expect.poll(landed, { timeout: 30_000 }).toBe(true);

  // The network drops: the page's socket dies without a close frame, and its next tries fail too.
  holdOff = true;
  await current?.server.close();
  await current?.page.close({ code: 1006, reason: "" });
  await expect(connectionStatus(page)).not.toContainText("Connected", { timeout: 30_000 });

  // Meanwhile another client writes in the same session, and the reply is stored.
  const written = "Written while you were away. fake:text";
  const ack = await gatewayCall<{ runId: string }>("chat.send", { sessionKey, message: written, idempotencyKey: `catch-up-${Date.now()}` });
  expect(await gatewayCall<{ status?: string }>("agent.wait", { runId: ack.runId, timeoutMs: 60_000 })).toMatchObject({ status: "ok" });

  holdOff = false;
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  const newTurn = turnsWith(page, "Written while you were away.");
  await expect(newTurn).toContainText("Here is a scripted reply from the fake model.", { timeout: 30_000 });

  // The first history read on the new socket carried the cursor and no limit, and the gateway answered with the delta.
  const back = sockets.at(-1) as Socket;
  expect(sockets.length).toBeGreaterThan(1);
  const reads = back.sent.filter((frame) => frame.method === "chat.history" && frame.params?.sessionKey === sessionKey);
  expect(reads[0]?.params).toEqual({ sessionKey, cursor: expect.any(String) });
  const answer = back.received.find((frame) => frame.type === "res" && frame.id === reads[0]?.id);
  expect(answer?.payload?.kind).toBe("delta");
  expect(answer?.payload?.messages).toHaveLength(2);
  // No tail was read after it: the catch-up was used, not thrown away.
  expect(reads.filter((frame) => frame.params?.limit !== undefined)).toEqual([]);

  // Each turn once, the new one with its text exactly.
  await expect(newTurn).toHaveCount(1);
  await expect(transcript(page).getByText(written, { exact: true })).toHaveCount(1);
  await expect(turnsWith(page, "Before the drop.")).toHaveCount(1);
});
