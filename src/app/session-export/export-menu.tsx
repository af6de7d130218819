import { useState } from "react";
import { formatBytes } from "@/features/chat/model/attachment-policy";
import { exportSession, type ExportResult } from "./export-session";
import type { ExportFormat } from "./build-session-export";

/** "Export" in the chat header: the session as Markdown or JSON, and what became of the last export. */
export function ExportMenu() {
  const [result, setResult] = useState<ExportResult | null>(null);
  const run = (format: ExportFormat) => setResult(exportSession(format));
  return (
    <div role="group" aria-label="Export session" className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="text-ink-3">Export</span>
      <button type="button" onClick={() => run("markdown")} aria-label="Export session as Markdown" className="rounded-md border border-line px-2 py-0.5 text-ink-2 hover:bg-surface-2">
        Markdown
      </button>
      <button type="button" onClick={() => run("json")} aria-label="Export session as JSON" className="rounded-md border border-line px-2 py-0.5 text-ink-2 hover:bg-surface-2">
        JSON
      </button>
      {result && (
        <span role={result.ok ? "status" : "alert"} className={result.ok ? "text-ink-3" : "text-bad"}>
          {result.ok ? `Download started: ${result.fileName} (${formatBytes(result.bytes)})` : result.reason}
        </span>
      )}
    </div>
  );
}
