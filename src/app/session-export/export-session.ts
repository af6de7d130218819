/**
 * `exportSession(format)`: downloads the open session as Markdown or JSON.
 * One function any control can call (the Export buttons, a `/export` command);
 * the chat pane registers what is on screen with `useSessionExportSource`.
 */
import { useEffect } from "react";
import { exportFileName, sessionJson, sessionMarkdown, type ExportFormat, type SessionExportContext, type SessionExportSource } from "./build-session-export";

export type ExportResult = { ok: true; fileName: string; bytes: number } | { ok: false; reason: string };

type Registered = SessionExportSource & Omit<SessionExportContext, "generatedAt">;

let current: (() => Registered) | null = null;

/** Makes the open session the one exportSession writes; the latest caller wins, and unmounting clears it. */
export function useSessionExportSource(read: () => Registered): void {
  useEffect(() => {
    current = read;
    return () => {
      if (current === read) current = null;
    };
  }, [read]);
}

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task ends.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportSession(format: ExportFormat): ExportResult {
  if (!current) return { ok: false, reason: "No session is open to export." };
  try {
    const source = current();
    if (source.turns.length === 0) return { ok: false, reason: "This session has no messages yet: there is nothing to export." };
    const context = { ...source, generatedAt: Date.now() };
    const text = format === "markdown" ? sessionMarkdown(source, context) : sessionJson(source, context);
    const fileName = exportFileName(source.sessionKey, context.generatedAt, format);
    download(fileName, text, format === "markdown" ? "text/markdown;charset=utf-8" : "application/json");
    return { ok: true, fileName, bytes: new Blob([text]).size };
  } catch (error) {
    return { ok: false, reason: `The export failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
