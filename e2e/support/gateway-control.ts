/** Lets a spec restart or kill the shared real gateway (see global-setup.ts). */
import { E2E_PORTS } from "./ports";

export type GatewayAction = "sigterm" | "sigkill" | "start" | "restart" | "signal-term-nowait" | "restart-in-place" | "ensure-running";

export async function controlGateway(action: GatewayAction): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_PORTS.control}/gateway/${action}`, { method: "POST" });
  const body = (await response.json()) as { ok: boolean; error?: string };
  if (!body.ok) throw new Error(`gateway ${action} failed: ${body.error}`);
}
