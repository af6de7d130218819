import { ClippedText } from "./clipped-text";
import { errorTypeWords } from "../model/failure-words";
import type { RunOutcome } from "../model/run-outcome";

const ALERT_KINDS = new Set<RunOutcome["kind"]>(["failed", "degraded", "interrupted", "unknown"]);

const TONE: Record<RunOutcome["kind"], string> = {
  running: "border-accent/30 bg-accent-soft text-ink",
  completed: "border-ok/30 bg-ok-soft text-ink",
  degraded: "border-warn/40 bg-warn-soft text-ink",
  failed: "border-bad/40 bg-bad-soft text-ink",
  interrupted: "border-warn/40 bg-warn-soft text-ink",
  aborted: "border-line bg-surface-2 text-ink",
  unknown: "border-warn/40 bg-warn-soft text-ink",
};

const TITLE_TONE: Record<RunOutcome["kind"], string> = {
  running: "text-accent",
  completed: "text-ok",
  degraded: "text-warn",
  failed: "text-bad",
  interrupted: "text-warn",
  aborted: "text-ink-2",
  unknown: "text-warn",
};

function nextStepOf(outcome: RunOutcome): string | undefined {
  return "nextStep" in outcome ? outcome.nextStep : undefined;
}

/** Everything the gateway told about a failure, so nobody has to open the log to learn it. */
function failureFacts(outcome: Extract<RunOutcome, { kind: "failed" }>): string[] {
  const model = outcome.provider && outcome.model ? `${outcome.provider}/${outcome.model}` : (outcome.model ?? outcome.provider);
  return [
    model ? `model ${model}` : "model unknown",
    outcome.httpStatus ? `HTTP ${outcome.httpStatus}` : "no HTTP status",
    errorTypeWords(outcome.gatewayKind),
  ];
}

/** The run's ending, in plain words. Failures, degraded and interrupted runs are alerts and stay on the message. */
export function OutcomeBanner({ outcome, onShowLogs }: { outcome: RunOutcome; onShowLogs?: () => void }) {
  if (outcome.kind === "running" || outcome.kind === "completed") return null;
  const alert = ALERT_KINDS.has(outcome.kind);
  const nextStep = nextStepOf(outcome);
  return (
    <div role={alert ? "alert" : "note"} aria-label={alert ? undefined : "Run outcome"} className={`rounded-xl border px-3.5 py-2.5 text-sm ${TONE[outcome.kind]}`}>
      <p className={`font-semibold ${TITLE_TONE[outcome.kind]}`}>{outcome.title}</p>
      <div className="mt-0.5 break-words">
        <ClippedText text={outcome.summary} what="message" />
      </div>
      {outcome.kind === "failed" && (
        <p aria-label="Failure facts" className="mt-1 font-mono text-xs text-ink-2">
          {failureFacts(outcome).join(" · ")}
        </p>
      )}
      {outcome.kind === "failed" && outcome.providerDetail && (
        <div className="mt-1 text-xs break-words text-ink-2">
          Provider said: “<ClippedText text={outcome.providerDetail} what="provider detail" />”
        </div>
      )}
      {nextStep && <p className="mt-1 text-xs text-ink-2">What to do: {nextStep}</p>}
      {onShowLogs && (
        <button type="button" onClick={onShowLogs} className="mt-1 text-xs text-accent underline">
          Log lines
        </button>
      )}
    </div>
  );
}
