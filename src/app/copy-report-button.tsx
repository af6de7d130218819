import { useState } from "react";
import { useConnectionSettings } from "@/features/connection/store/connection-settings-store";
import { buildRunReport, reportClipboardText } from "@/features/runs/model/run-report";
import type { RunOutcome } from "@/features/runs/model/run-outcome";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import type { SubagentView } from "@/features/runs/model/subagents";
import { useGateway } from "@/providers/gateway-provider";

export function CopyReportButton({ run, outcome, subagents }: { run: RunTimeline; outcome: RunOutcome; subagents: readonly SubagentView[] }) {
  const connection = useGateway();
  const token = useConnectionSettings((s) => s.token);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    const hello = connection.hello;
    const report = buildRunReport(run, outcome, {
      gatewayUrl: connection.url,
      gatewayVersion: hello?.server.version,
      gatewayBootId: hello?.server.bootId,
      clientVersion: __APP_VERSION__,
      userAgent: navigator.userAgent,
      generatedAt: Date.now(),
      secrets: [token, hello?.auth?.deviceToken ?? ""].filter((secret) => secret.length > 0),
    }, subagents);
    try {
      await navigator.clipboard.writeText(reportClipboardText(report));
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2500);
  };
  return (
    <button type="button" onClick={() => void copy()} className="shrink-0 rounded-md px-2 py-0.5 text-xs text-ink-2 hover:bg-surface-2" aria-live="polite">
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy report"}
    </button>
  );
}
