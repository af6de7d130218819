/**
 * operator.admin on demand. The tab connects with the fewest scopes its views
 * need (device-handshake.ts); an action only an admin may take (models.probe,
 * "Test provider") first reconnects asking for admin as well. A gateway that
 * does not grant it (a remote gateway wants the scope upgrade approved) gets
 * the narrower scopes back, and the user is told what to do.
 */
import { ADMIN_SCOPE } from "./device-handshake";
import type { GatewayConnection } from "./gateway-connection";

const RESCOPE_TIMEOUT_MS = 30_000;

type RescopableConnection = Pick<GatewayConnection, "getSnapshot" | "subscribe" | "rescope">;

export class AdminAccessRefusedError extends Error {
  constructor(action: string) {
    super(
      `${action} needs admin access (operator.admin), and the gateway did not grant it to this browser. Approve this device's scope upgrade on the gateway host (openclaw devices), then try again.`,
    );
    this.name = "AdminAccessRefusedError";
  }
}

export function hasAdminAccess(connection: Pick<GatewayConnection, "getSnapshot">): boolean {
  const state = connection.getSnapshot();
  return state.status === "online" && state.server.scopes.includes(ADMIN_SCOPE);
}

/** Resolves with the next hello's verdict on admin: granted, or not (refused, failed, or no answer in time). */
function nextHelloGrantsAdmin(connection: RescopableConnection): Promise<boolean> {
  return new Promise((resolve) => {
    let left = connection.getSnapshot().status !== "online";
    const settle = (granted: boolean) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(granted);
    };
    const timer = setTimeout(() => settle(false), RESCOPE_TIMEOUT_MS);
    const unsubscribe = connection.subscribe(() => {
      const { status } = connection.getSnapshot();
      if (status === "failed") settle(false);
      else if (status !== "online") left = true;
      else if (left) settle(hasAdminAccess(connection));
    });
  });
}

/** Runs an admin action, reconnecting with operator.admin first when this connection lacks it. */
export async function withAdminAccess<T>(connection: RescopableConnection, action: () => Promise<T>, actionName = "This action"): Promise<T> {
  if (!hasAdminAccess(connection)) {
    const granted = nextHelloGrantsAdmin(connection);
    connection.rescope(true);
    if (!(await granted)) {
      connection.rescope(false);
      throw new AdminAccessRefusedError(actionName);
    }
  }
  return action();
}
