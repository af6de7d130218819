/**
 * A Node-side operator client for test set-up only (e.g. pointing a session at
 * the provider with its own credential). It uses the gateway's device-less
 * backend route, which needs no Origin header — something a browser cannot do.
 */
import WebSocket from "ws";
import { backendConnectFrame as connectFrame } from "../../scripts/lib/backend-connect.mjs";

/** The connect request of this suite's backend client. */
export function backendConnectFrame(token: string, scopes: readonly string[]): string {
  return connectFrame(token, scopes, "clawscope-e2e");
}

export async function gatewayCall<T = unknown>(method: string, params: unknown): Promise<T> {
  const [payload] = await gatewayCalls([{ method, params }], 20_000);
  return payload as T;
}

/** Many calls over one operator connection, one after the other (seeding a long session would take minutes with a socket per call). */
export async function gatewayCalls(calls: ReadonlyArray<{ method: string; params: unknown }>, timeoutMs = 120_000): Promise<unknown[]> {
  const url = process.env.CLAWSCOPE_E2E_GATEWAY_URL;
  const token = process.env.CLAWSCOPE_E2E_GATEWAY_TOKEN;
  if (!url || !token) throw new Error("global-setup did not publish the e2e gateway URL and token");
  const socket = new WebSocket(url);
  const results: unknown[] = [];
  try {
    return await new Promise<unknown[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${calls.map((call) => call.method).join(", ").slice(0, 200)}: not done in ${timeoutMs / 1000} s`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      const next = () => {
        const call = calls[results.length];
        if (!call) {
          clearTimeout(timer);
          resolve(results);
          return;
        }
        socket.send(JSON.stringify({ type: "req", id: `call-${results.length}`, method: call.method, params: call.params }));
      };
      socket.on("error", fail);
      socket.on("message", (data) => {
        const frame = JSON.parse(String(data)) as { type: string; event?: string; id?: string; ok?: boolean; payload?: unknown; error?: { message?: string } };
        if (frame.type === "event" && frame.event === "connect.challenge") {
          socket.send(backendConnectFrame(token, ["operator.admin", "operator.read", "operator.write"]));
        } else if (frame.type === "res" && frame.id === "connect") {
          if (!frame.ok) return fail(new Error(`connect failed: ${frame.error?.message}`));
          next();
        } else if (frame.type === "res" && frame.id === `call-${results.length}`) {
          if (!frame.ok) return fail(new Error(`${calls[results.length]?.method} failed: ${frame.error?.message}`));
          results.push(frame.payload);
          next();
        }
      });
    });
  } finally {
    socket.close();
  }
}
