import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { localDbNotice, onLocalDbNotice } from "@/lib/local-db";
import { storageUsageQueryOptions } from "../api/storage-usage-query";
import { formatClock } from "../model/describe-clients";
import { describeStorage } from "../model/describe-storage";

/** What this browser keeps for the gateway, whether it may keep it, and what it had to let go. */
export function StorageLine({ gatewayUrl }: { gatewayUrl: string }) {
  const usage = useQuery(storageUsageQueryOptions(gatewayUrl));
  const notice = useSyncExternalStore(onLocalDbNotice, localDbNotice);
  const words = usage.data && describeStorage(usage.data, formatClock);
  return (
    <div aria-label="Storage in this browser" className="flex flex-col gap-1 text-xs text-ink-3">
      {notice && (
        <p role="alert" className="rounded-lg border border-warn/30 bg-warn-soft px-3 py-2 text-warn">
          {notice.words}
        </p>
      )}
      <p>{words?.line ?? "Reading this browser's storage…"}</p>
      {words?.evicted && <p role="note">{words.evicted}</p>}
    </div>
  );
}
