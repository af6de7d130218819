import { describe, expect, it } from "vitest";
import { captureFold, foldCapture } from "./capture-fixtures";
import { foldRunSignals } from "./fold-run";
import { runTimeline } from "./fold-state";
import { deriveRunOutcome } from "./run-outcome";
import { buildRunReport, reportClipboardText, type ReportContext } from "./run-report";
import { signalOf, T0 } from "./test-signals";

const GATEWAY_TOKEN = "3f1c9a0b7e6d5c4b3a29180f7e6d5c4b3a2918fa0b1c2d3e";
const DEVICE_TOKEN = "dvt_Zm9vYmFyYmF6cXV4cXV1eA";

const context: ReportContext = {
  gatewayUrl: "ws://127.0.0.1:18789",
  gatewayVersion: "2026.9.6",
  gatewayBootId: "boot-1",
  clientVersion: "0.1.0",
  userAgent: "test",
  generatedAt: T0,
  secrets: [GATEWAY_TOKEN, DEVICE_TOKEN],
};

describe("buildRunReport", () => {
  it("summarises a failed run with its error class, provider detail and versions", () => {
    const run = foldCapture("d-auth-401-isolated-provider.jsonl");
    const outcome = deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" });
    const report = buildRunReport(run, outcome, context);
    expect(report.markdown).toContain("Authentication failed");
    expect(report.markdown).toContain("Missing scopes: model.request");
    expect(report.markdown).toContain("OpenClaw 2026.9.6");
    const bundle = JSON.parse(report.json);
    expect(bundle).toMatchObject({ kind: "clawscope-run-report", gateway: { version: "2026.9.6" }, outcome: { kind: "failed", errorClass: "auth" } });
    expect(bundle.run.steps.length).toBeGreaterThan(0);
  });

  it("reports the gateway's seq-gap after `/exec …` as the numbering starting again, not as an inverted range of missed events", () => {
    const fold = captureFold("a-text.jsonl");
    const run = runTimeline(foldRunSignals(fold, [{ runId: fold.runId, at: fold.createdAt + 1_000, source: "live", kind: "seq-gap", expected: 2, received: 1 }]));
    const report = buildRunReport(run, deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }), context);
    expect(report.markdown).toMatch(/^- \+1 s the gateway numbered this run's events from 1 again \(it expected 2\); no events were missed$/m);
    expect(report.markdown).not.toContain("2–0");
  });

  it("words each retry as the timeline shows it (attempt 5 of 10), not in the gateway's retry count", () => {
    const run = foldCapture("c-rate-limit-429-exhausted.jsonl");
    const report = buildRunReport(run, deriveRunOutcome(run, { now: run.lastEventAt, connection: "online" }), context);
    expect(report.markdown).toMatch(/^- \+11 s retry attempt 5 of 10, rate limit, waiting 8\.3 s — Retrying… 5\/10$/m);
    expect(report.markdown).not.toMatch(/retry \d+\/\d+/);
  });

  it("never lets a token, key or signature out, even from tool output", () => {
    const base = captureFold("b-tool-call-exec.jsonl");
    const leaky = runTimeline(foldRunSignals(base, [
      signalOf(base.runId, base.lastEventAt + 1, { kind: "tool-start", toolCallId: "leak", name: "exec", args: { command: `curl -H "Authorization: Bearer ${GATEWAY_TOKEN}"`, apiKey: "sk-abcdefghijklmnopqrstuvwx" } }),
      signalOf(base.runId, base.lastEventAt + 2, {
        kind: "tool-result",
        toolCallId: "leak",
        isError: false,
        resultText: `token=${GATEWAY_TOKEN}\ndevice ${DEVICE_TOKEN}\nsignature: c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmUtc2lnbmF0dXJl`,
      }),
    ]));
    const outcome = deriveRunOutcome(leaky, { now: leaky.lastEventAt, connection: "online" });
    const text = reportClipboardText(buildRunReport(leaky, outcome, context));
    expect(text).not.toContain(GATEWAY_TOKEN);
    expect(text).not.toContain(DEVICE_TOKEN);
    expect(text).not.toContain("sk-abcdefghijklmnopqrstuvwx");
    expect(text).not.toContain("c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmUtc2lnbmF0dXJl");
    expect(text).toContain("hello-from-fake-tool");
  });
});
