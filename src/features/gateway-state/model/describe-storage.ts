/** The Gateway panel's storage line, in words. */
import type { StoredRunLogUsage } from "@/lib/local-db";

export interface StorageUsage {
  runLogs: StoredRunLogUsage | undefined;
  usedBytes: number | undefined;
  quotaBytes: number | undefined;
  persistent: boolean;
}

/** "812 B", "4.2 KB", "1.2 MB", "3.4 GB" (powers of 1,024). */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function describeStorage(usage: StorageUsage, clock: (epochMs: number) => string): { line: string; evicted?: string } {
  const runLogs = usage.runLogs;
  const logs = runLogs ? `Run logs ${formatBytes(runLogs.bytes)}${runLogs.budgetBytes > 0 ? ` of ${formatBytes(runLogs.budgetBytes)}` : ""}` : "No run logs yet";
  const browser =
    usage.usedBytes !== undefined && usage.quotaBytes !== undefined ? ` · this site ${formatBytes(usage.usedBytes)} of ${formatBytes(usage.quotaBytes)}` : "";
  const kept = usage.persistent ? " · persistent" : " · not persistent: the browser may clear it when space runs low";
  if (!runLogs || runLogs.evictedRuns === 0) return { line: `${logs}${browser}${kept}` };
  const runs = runLogs.evictedRuns === 1 ? "1 older run's log was" : `${runLogs.evictedRuns} older runs' logs were`;
  const when = runLogs.lastEvictedAt !== undefined ? `, the last at ${clock(runLogs.lastEvictedAt)}` : "";
  return {
    line: `${logs}${browser}${kept}`,
    evicted: `${runs} removed to stay within ${formatBytes(runLogs.budgetBytes)}${when}: those turns show only what the gateway's history kept.`,
  };
}
