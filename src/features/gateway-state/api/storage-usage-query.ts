/**
 * What this browser stores for the gateway: its run logs against their budget
 * (and how many were let go), the origin's whole use and quota
 * (`navigator.storage.estimate()`), and whether the browser keeps it
 * (`persist()`, asked once). Read while the Gateway panel is open.
 */
import { queryOptions } from "@tanstack/react-query";
import { persistStorageOnce, readRunLogUsage } from "@/lib/local-db";
import type { StorageUsage } from "../model/describe-storage";

const POLL_MS = 10_000;

export const storageUsageQueryKey = (gatewayUrl: string) => ["local-storage-usage", gatewayUrl] as const;

export function storageUsageQueryOptions(gatewayUrl: string) {
  return queryOptions({
    queryKey: storageUsageQueryKey(gatewayUrl),
    queryFn: async (): Promise<StorageUsage> => {
      const [runLogs, estimate, persistent] = await Promise.all([
        readRunLogUsage(gatewayUrl).catch(() => undefined),
        globalThis.navigator?.storage?.estimate?.().catch(() => undefined),
        persistStorageOnce(),
      ]);
      return { runLogs, usedBytes: estimate?.usage, quotaBytes: estimate?.quota, persistent };
    },
    refetchInterval: POLL_MS,
  });
}
