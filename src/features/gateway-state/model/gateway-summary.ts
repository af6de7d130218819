/**
 * What the gateway says about itself: version, build and boot id from hello
 * (read by `@/gateway/hello`), uptime (the hello's `snapshot.uptimeMs` plus
 * the time since hello), and health (`health` request and event) reduced to ok / degraded / failing with
 * the reasons in words.
 */
import type { HelloFacts } from "@/gateway/hello";
import { isRecord, optional, readNumber, readTexts } from "@/lib/read-untrusted";

export interface GatewaySummary {
  version?: string;
  buildId?: string;
  bootId?: string;
  /** `snapshot.uptimeMs` as of `helloAt`. */
  uptimeMs?: number;
  helloAt: number;
}

export function gatewaySummaryOf(hello: HelloFacts, at: number): GatewaySummary {
  return {
    ...optional("version", hello.version),
    ...optional("buildId", hello.buildId),
    ...optional("bootId", hello.bootId),
    ...optional("uptimeMs", hello.uptimeMs),
    helloAt: at,
  };
}

export function uptimeAt(summary: GatewaySummary, now: number): number | undefined {
  if (summary.uptimeMs === undefined) return undefined;
  return summary.uptimeMs + Math.max(0, now - summary.helloAt);
}

/** "3 d 4 h", "2 h 05 min", "4 min 07 s", "12 s": two units are enough to read an uptime. */
export function formatUptime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, "0");
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(rest)} s`;
  return `${rest} s`;
}

/** Boot ids are UUIDs; the first block tells two boots apart. */
export function shortBootId(bootId: string): string {
  return bootId.split("-")[0] ?? bootId;
}

export type HealthStatus = "ok" | "degraded" | "failing" | "unknown";

export interface GatewayHealth {
  status: HealthStatus;
  reasons: string[];
  checkedAt?: number;
  /** The frame's `stateVersion.health`, when it came with an event. */
  version?: number;
}

export const UNKNOWN_HEALTH: GatewayHealth = { status: "unknown", reasons: [] };

export function readHealth(payload: unknown, version?: number): GatewayHealth {
  if (!isRecord(payload) || typeof payload.ok !== "boolean") return { ...UNKNOWN_HEALTH, ...optional("version", version) };
  const reasons: string[] = [];
  const eventLoop = isRecord(payload.eventLoop) ? payload.eventLoop : undefined;
  if (eventLoop?.degraded === true) {
    const causes = readTexts(eventLoop, "reasons").map((cause) => cause.replaceAll("_", " "));
    const delay = readNumber(eventLoop, "delayP99Ms");
    const details = [causes.length > 0 ? causes.join(", ") : undefined, delay !== undefined ? `p99 delay ${Math.round(delay)} ms` : undefined].filter(Boolean);
    reasons.push(`Event loop degraded${details.length > 0 ? ` (${details.join("; ")})` : ""}`);
  }
  const modelRuntime = isRecord(payload.modelRuntime) ? payload.modelRuntime : undefined;
  if (modelRuntime?.degraded === true) {
    const pending = readTexts(modelRuntime, "pendingAgents");
    reasons.push(`Model runtime degraded${pending.length > 0 ? ` (waiting: ${pending.join(", ")})` : ""}`);
  }
  const status: HealthStatus = payload.ok === false ? "failing" : reasons.length > 0 ? "degraded" : "ok";
  if (status === "failing" && reasons.length === 0) reasons.push("The gateway reports its health check as failing");
  return { status, reasons, ...optional("checkedAt", readNumber(payload, "ts")), ...optional("version", version) };
}

/** The frame's `stateVersion.health`, when it has one. */
export function healthVersionOf(frame: { stateVersion?: unknown }): number | undefined {
  return isRecord(frame.stateVersion) ? readNumber(frame.stateVersion, "health") : undefined;
}

/** A health report from an older stateVersion than the one shown is ignored. */
export function healthReceived(current: GatewayHealth, next: GatewayHealth): GatewayHealth {
  if (next.version !== undefined && current.version !== undefined && next.version < current.version) return current;
  if (next.status === "unknown" && current.status !== "unknown") return current;
  return next.version === undefined && current.version !== undefined ? { ...next, version: current.version } : next;
}
