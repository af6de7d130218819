/**
 * The WebSocket under the protocol client. It owns only what the socket
 * itself can get wrong: a socket that never opens, frames that are not JSON
 * gateway frames, frames over the negotiated size, and browsers' refusal of
 * reserved close codes. Reconnecting is not its job (see reconnect-policy.ts).
 */
import type { GatewayProtocolSocket, GatewayProtocolSocketHandlers } from "@openclaw/gateway-client/browser";
import { isGatewayEventFrame, isGatewayResponseFrame } from "@openclaw/gateway-protocol/frame-guards";
import type { Logger } from "@/lib/logger";

export interface TransportOptions {
  url: string;
  handlers: GatewayProtocolSocketHandlers;
  createWebSocket: (url: string) => WebSocket;
  /** Frames larger than this are dropped (the gateway's policy.maxPayload once known). */
  maxFrameChars: () => number;
  /** A socket still not open after this long is abandoned as unreachable. */
  openTimeoutMs: number;
  logger: Logger;
  onRejectedFrame?: (reason: "malformed" | "oversized" | "binary" | "unknown-shape") => void;
}

/** WebSocket.readyState values, spelled out so the module also loads where WebSocket is not global. */
const CONNECTING = 0;
const OPEN = 1;

/** Browsers only let scripts close with 1000 or 3000–4999; the Control UI maps 1008 the same way. */
function browserCloseCode(code: number | undefined): number {
  if (code === undefined || code === 1000) return 1000;
  if (code >= 3000 && code <= 4999) return code;
  return code === 1008 ? 4008 : 4000;
}

function truncateReason(reason: string | undefined): string {
  const text = reason ?? "";
  // The close reason is limited to 123 bytes of UTF-8.
  let out = text.slice(0, 120);
  while (new TextEncoder().encode(out).length > 123) out = out.slice(0, -1);
  return out;
}

export function createTransport(options: TransportOptions): GatewayProtocolSocket {
  const { handlers, logger } = options;
  const socket = options.createWebSocket(options.url);
  let clientClose: { code: number; reason: string } | null = null;
  let closedReported = false;

  const openTimer = setTimeout(() => {
    if (socket.readyState === CONNECTING) {
      logger.warn(`no answer from ${options.url} after ${options.openTimeoutMs} ms`);
      clientClose = { code: 4000, reason: "open timeout" };
      socket.close();
    }
  }, options.openTimeoutMs);

  const reportClose = (code: number, reason: string) => {
    if (closedReported) return;
    closedReported = true;
    clearTimeout(openTimer);
    // A close we asked for is reported with our own code: the browser often only sees 1006 for it.
    handlers.close(clientClose?.code ?? code, clientClose?.reason ?? reason);
  };

  socket.addEventListener("open", () => {
    clearTimeout(openTimer);
    handlers.open();
  });
  socket.addEventListener("message", (event: MessageEvent) => {
    if (typeof event.data !== "string") {
      logger.warn("ignored a binary frame");
      options.onRejectedFrame?.("binary");
      return;
    }
    const limit = options.maxFrameChars();
    if (event.data.length > limit) {
      logger.warn(`ignored a frame of ${event.data.length} characters (limit ${limit})`);
      options.onRejectedFrame?.("oversized");
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(event.data);
    } catch {
      logger.warn("ignored a frame that is not JSON", { preview: event.data.slice(0, 120) });
      options.onRejectedFrame?.("malformed");
      return;
    }
    if (!isGatewayEventFrame(parsed) && !isGatewayResponseFrame(parsed)) {
      logger.warn("ignored a frame of unknown shape", { preview: event.data.slice(0, 120) });
      options.onRejectedFrame?.("unknown-shape");
      return;
    }
    handlers.message(event.data);
  });
  socket.addEventListener("error", () => {
    handlers.error(new Error(`WebSocket error on ${options.url}`));
  });
  socket.addEventListener("close", (event: CloseEvent) => reportClose(event.code, event.reason));

  return {
    isOpen: () => socket.readyState === OPEN,
    send: (data) => socket.send(data),
    close: (code, reason) => {
      clientClose ??= { code: code ?? 1000, reason: reason ?? "" };
      try {
        socket.close(browserCloseCode(code), truncateReason(reason));
      } catch (error) {
        logger.warn("socket close failed", error);
        reportClose(clientClose.code, clientClose.reason);
      }
    },
  };
}
