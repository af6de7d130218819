/**
 * Provider failures collected from the gateway log across `logs.tail` reads:
 * the first read takes the recent tail, later reads only what was appended
 * after the cursor. Only failures young enough to matter are kept.
 */
import type { ProviderFailure } from "./provider-signals";

export interface LogFailures {
  cursor: number | undefined;
  failures: ProviderFailure[];
}

/** Older log failures no longer change a provider's health (the longest regular cooldown is 5 min, the rate-limit memory 10). */
export const LOG_FAILURE_KEEP_MS = 60 * 60_000;
const MAX_KEPT = 200;

const identity = (failure: ProviderFailure) => `${failure.kind}|${failure.provider}|${failure.at}|${failure.until ?? ""}`;

export function mergeLogFailures(previous: LogFailures | undefined, read: { cursor: number; failures: readonly ProviderFailure[] }, now: number): LogFailures {
  const byIdentity = new Map<string, ProviderFailure>();
  for (const failure of [...(previous?.failures ?? []), ...read.failures]) {
    if (now - failure.at <= LOG_FAILURE_KEEP_MS) byIdentity.set(identity(failure), failure);
  }
  const failures = [...byIdentity.values()].sort((a, b) => a.at - b.at).slice(-MAX_KEPT);
  return { cursor: read.cursor, failures };
}
