/** Words for the clients list and the restart note, so the views only render. */
import { formatClockTime } from "@/lib/clock-time";
import type { GatewayRestart } from "./boot-memory";
import type { ClientKind, ClientRow } from "./client-rows";
import { shortBootId } from "./gateway-summary";

export const KIND_BADGE: Record<ClientKind, string | undefined> = {
  "this-tab": "This tab",
  gateway: "Gateway",
  dashboard: "Other dashboard",
  node: "Node",
  backend: "Backend",
  other: undefined,
};

export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** "just now", "4 min ago", "2 h ago", "3 d ago". */
export function formatAgo(epochMs: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - epochMs) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

/** The gateway's reasons for refusing a connection, from its log (`authReason`), in words. */
const REFUSAL_WORDS: Record<string, string> = {
  token_mismatch: "wrong token",
  token_missing: "no token",
  password_mismatch: "wrong password",
  password_missing: "no password",
};

function refusalWords(cause: string): string {
  return cause.replace(/[a-z]+(?:_[a-z]+)+/g, (code) => REFUSAL_WORDS[code] ?? code.replace(/_/g, " "));
}

export function describeFailures(failing: NonNullable<ClientRow["failing"]>, now: number): string {
  const count = failing.failures === 1 ? "1 failed connection attempt" : `${failing.failures} failed connection attempts`;
  const credential = failing.authProvided ? ` · sent ${failing.authProvided}` : "";
  return `${count}, last ${formatAgo(failing.lastAt, now)} · ${refusalWords(failing.cause)}${credential}`;
}

export function describeRestart(restart: GatewayRestart): string {
  const boots = `boot ${shortBootId(restart.previousBootId)} → ${shortBootId(restart.bootId)}`;
  if (restart.noticed === "while-away") return `Gateway restarted while this page was closed (${boots})`;
  return `Gateway restarted, back since ${formatClock(restart.noticedAt)} (${boots})`;
}

export interface ClientListWords {
  /** The section's heading. */
  heading: string;
  /** The list's accessible name. */
  listLabel: string;
  /** Why the list may not be who is connected now; absent while connected. */
  note?: string;
}

/**
 * While connected the list is who is connected; otherwise it is what the gateway last reported, as of the moment
 * the connection dropped (`lostAt`), and nothing tells this page who connected or left since.
 */
export function describeClientList(online: boolean, lostAt: number | undefined): ClientListWords {
  if (online) return { heading: "Clients", listLabel: "Connected clients" };
  if (lostAt === undefined) {
    return { heading: "Clients · not connected", listLabel: "Clients last known", note: "Not connected: the gateway has not listed its clients to this page yet." };
  }
  const at = formatClockTime(lostAt);
  return {
    heading: `Clients · last known at ${at}`,
    listLabel: `Clients last known at ${at}`,
    note: `Not connected since ${at}: this is who was connected then. Who is connected now is not known until the gateway is back.`,
  };
}
