import { useState } from "react";
import { useGatewayLogTail } from "../api/gateway-log-tail";
import { isProviderError, type LineMark } from "../model/run-log-lines";
import { LogLinesView } from "./log-lines-view";

const PROVIDER_ERROR: LineMark[] = ["provider-error"];
const NO_MARKS: LineMark[] = [];

/** The whole gateway's log tail, following live unless the user pauses it. */
export function GatewayLogsView({ secrets }: { secrets: readonly string[] }) {
  const [follow, setFollow] = useState(true);
  const tail = useGatewayLogTail({ follow, secrets });
  const status = tail.isPending
    ? "reading the gateway log…"
    : tail.isError
      ? `could not read the gateway log: ${tail.error.message}`
      : [tail.data.file ? `file ${tail.data.file}` : null, follow ? "following live" : "paused", tail.data.startsMidFile ? "older lines are not shown" : null].filter(Boolean).join(" · ");
  return (
    <LogLinesView
      label="Gateway log lines"
      lines={tail.data?.lines ?? []}
      marksOf={(line) => (isProviderError(line) ? PROVIDER_ERROR : NO_MARKS)}
      secrets={secrets}
      status={status}
      maxShown={500}
      emptyText={tail.isPending ? "Reading the gateway log…" : "The gateway log is empty."}
      controls={
        <label className="flex shrink-0 items-center gap-1 text-xs text-ink-2">
          <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} />
          Follow live
        </label>
      }
    />
  );
}
