/**
 * `npm start` serves `/__clawscope/embedded` with the state of the gateway it
 * started (or the one it was pointed at). Its absence means this build is
 * served some other way (a gateway's Control UI root, a static host).
 */

export type EmbeddedPhase = "starting-provider" | "starting-gateway" | "ready" | "failed" | "stopping";

export interface EmbeddedInfo {
  mode: "embedded" | "external";
  phase: EmbeddedPhase;
  message: string;
  startedAt: number;
  updatedAt: number;
  gatewayUrl: string | null;
  token: string | null;
  instance: string;
}

const PHASES: readonly EmbeddedPhase[] = ["starting-provider", "starting-gateway", "ready", "failed", "stopping"];

export function parseEmbeddedInfo(value: unknown): EmbeddedInfo | null {
  if (!value || typeof value !== "object") return null;
  const info = value as Record<string, unknown>;
  if (info.mode !== "embedded" && info.mode !== "external") return null;
  if (typeof info.phase !== "string" || !PHASES.includes(info.phase as EmbeddedPhase)) return null;
  return {
    mode: info.mode,
    phase: info.phase as EmbeddedPhase,
    message: typeof info.message === "string" ? info.message : "",
    startedAt: typeof info.startedAt === "number" ? info.startedAt : Date.now(),
    updatedAt: typeof info.updatedAt === "number" ? info.updatedAt : Date.now(),
    gatewayUrl: typeof info.gatewayUrl === "string" ? info.gatewayUrl : null,
    token: typeof info.token === "string" ? info.token : null,
    instance: typeof info.instance === "string" ? info.instance : "",
  };
}

export async function fetchEmbeddedInfo(signal?: AbortSignal): Promise<EmbeddedInfo | null> {
  const response = await fetch("/__clawscope/embedded", { cache: "no-store", signal });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`embedded gateway info: HTTP ${response.status}`);
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.includes("json")) return null;
  return parseEmbeddedInfo(await response.json());
}
