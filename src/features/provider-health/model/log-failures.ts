/**
 * Provider failures collected from the gateway log: each refresh picks the
 * failure lines out of the shared log tail (src/lib/log-tail.ts) and adds them
 * to what earlier refreshes found, so a failure stays known after its line
 * has left the tail. Only failures young enough to matter are kept.
 */
import { parsedLogLine, type LogTailLine } from "@/lib/log-tail";
import { failureFromLogLine, type ProviderFailure } from "./provider-signals";

export interface LogFailures {
  failures: ProviderFailure[];
}

/** Older log failures no longer change a provider's health (the longest regular cooldown is 5 min, the rate-limit memory 10). */
export const LOG_FAILURE_KEEP_MS = 60 * 60_000;
const MAX_KEPT = 200;

/** Only these lines can carry a provider failure; the rest of a busy log is never parsed. */
const MAY_CARRY_FAILURE = /failoverReason|auth_profile_failure_state_updated/;

export function failuresInLogTail(lines: readonly LogTailLine[]): ProviderFailure[] {
  const failures: ProviderFailure[] = [];
  for (const line of lines) {
    if (!MAY_CARRY_FAILURE.test(line.raw)) continue;
    const failure = failureFromLogLine(parsedLogLine(line));
    if (failure) failures.push(failure);
  }
  return failures;
}

const identity = (failure: ProviderFailure) => `${failure.kind}|${failure.provider}|${failure.at}|${failure.until ?? ""}`;

export function mergeLogFailures(previous: LogFailures | undefined, found: readonly ProviderFailure[], now: number): LogFailures {
  const byIdentity = new Map<string, ProviderFailure>();
  for (const failure of [...(previous?.failures ?? []), ...found]) {
    if (now - failure.at <= LOG_FAILURE_KEEP_MS) byIdentity.set(identity(failure), failure);
  }
  return { failures: [...byIdentity.values()].sort((a, b) => a.at - b.at).slice(-MAX_KEPT) };
}
