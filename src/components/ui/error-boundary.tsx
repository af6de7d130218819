/**
 * Keeps a rendering error inside the part that failed: one bad record shows
 * one broken turn or panel with a short message, never an unmounted app.
 * "Copy details" puts the error on the clipboard with secrets redacted.
 */
import { Component, useState, type ErrorInfo, type ReactNode } from "react";
import { redactText } from "@/lib/redact";

interface ErrorBoundaryProps {
  /** What failed, as the start of a sentence: "This turn", "The gateway panel". */
  label: string;
  /** Secrets this tab holds (gateway token, device token), masked in the copied details. */
  secrets?: readonly string[];
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
  componentStack: string;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, componentStack: "" };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? "" });
  }

  override render() {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    const message = `${this.props.label} could not be shown.`;
    const details = [message, `${error.name}: ${error.message}`, error.stack ?? "", componentStack ? `Component stack:${componentStack}` : ""]
      .filter(Boolean)
      .join("\n");
    return <BrokenPart message={message} details={redactText(details, this.props.secrets ?? [])} />;
  }
}

function BrokenPart({ message, details }: { message: string; details: string }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const copyDetails = () =>
    navigator.clipboard.writeText(details).then(
      () => setCopy("copied"),
      () => setCopy("failed"),
    );
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 rounded-lg border border-bad/40 bg-bad-soft px-3 py-2 text-sm text-bad">
      {message}
      <button type="button" onClick={() => void copyDetails()} className="rounded-md px-2 py-0.5 text-xs text-ink-2 underline hover:bg-surface-2">
        {copy === "copied" ? "Copied" : copy === "failed" ? "Copy failed" : "Copy details"}
      </button>
    </div>
  );
}
