import { useEffect, useRef } from "react";
import { useGatewayClockOffset } from "@/providers/gateway-provider";
import { useGatewayLogTail } from "../api/gateway-log-tail";
import { linesInRunWindow, marksOf, WINDOW_AFTER_MS, WINDOW_BEFORE_MS, type RunLogScope } from "../model/run-log-lines";
import { LogLinesView } from "./log-lines-view";

export interface RunLogsPanelProps extends RunLogScope {
  /** Follows the gateway log while true; a finished run reads once. */
  live: boolean;
  secrets: readonly string[];
}

/** The gateway's log lines for one run's time window, beside its timeline. Mounted only while open, so it polls only then. */
export function RunLogsPanel({ live, secrets, ...scope }: RunLogsPanelProps) {
  const tail = useGatewayLogTail({ follow: live, secrets });
  const clockOffsetMs = useGatewayClockOffset();
  const region = useRef<HTMLElement>(null);
  // Braces matter: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    region.current?.scrollIntoView?.({ block: "nearest" });
  }, []);

  const lines = tail.data ? linesInRunWindow(tail.data.lines, { ...scope, clockOffsetMs }) : [];
  const firstKept = tail.data?.lines[0]?.time;
  const cutOff = tail.data?.startsMidFile === true && firstKept !== undefined && firstKept > scope.startedAt + clockOffsetMs - WINDOW_BEFORE_MS;
  const status = tail.isPending
    ? "reading the gateway log…"
    : tail.isError
      ? `could not read the gateway log: ${tail.error.message}`
      : [live ? "following live" : null, cutOff ? "the gateway sends only the newest part of its log: this run's earlier lines are not in it" : null].filter(Boolean).join(" · ") || undefined;

  return (
    <section ref={region} aria-label="Gateway logs for this run" className="flex flex-col gap-2">
      <p className="text-[11px] text-ink-3">
        From {Math.round(WINDOW_BEFORE_MS / 1000)} s before the run started to {live ? "now" : `${Math.round(WINDOW_AFTER_MS / 1000)} s after it ended`}; lines naming this run, its session or a provider error are marked.
      </p>
      <LogLinesView
        label="Gateway log lines for this run"
        lines={lines}
        marksOf={(line) => marksOf(line, scope)}
        secrets={secrets}
        status={status}
        emptyText={tail.isPending ? "Reading the gateway log…" : "No gateway log lines in this run's time window."}
      />
    </section>
  );
}
