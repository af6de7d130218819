import { useNow } from "@/hooks/use-now";
import type { EmbeddedInfo } from "../api/embedded-info";

const STEPS: Array<{ phase: EmbeddedInfo["phase"]; label: string }> = [
  { phase: "starting-provider", label: "Scripted model provider" },
  { phase: "starting-gateway", label: "OpenClaw gateway (15–25 s on a small machine)" },
  { phase: "ready", label: "Ready" },
];

export function StartupProgress({ info }: { info: EmbeddedInfo }) {
  const now = useNow();
  const elapsed = Math.max(0, Math.round((now - info.startedAt) / 1000));
  const current = STEPS.findIndex((step) => step.phase === info.phase);
  return (
    <section aria-label="Gateway startup" className="mx-auto mt-16 w-full max-w-md rounded-2xl border border-line bg-surface p-6 shadow-sm">
      <h1 className="text-lg font-semibold">Starting the embedded gateway</h1>
      <p aria-live="polite" className="mt-1 text-sm text-ink-2">
        {info.phase === "failed" ? info.message : `${info.message || "Starting…"} · ${elapsed} s`}
      </p>
      <ol className="mt-4 flex flex-col gap-2 text-sm">
        {STEPS.map((step, index) => {
          const state = info.phase === "failed" && index === current ? "failed" : index < current ? "done" : index === current ? "active" : "pending";
          return (
            <li key={step.phase} className="flex items-center gap-2">
              <span
                aria-hidden
                className={`size-2.5 rounded-full ${state === "done" ? "bg-ok" : state === "active" ? "animate-pulse bg-accent" : state === "failed" ? "bg-bad" : "bg-line"}`}
              />
              <span className={state === "pending" ? "text-ink-3" : ""}>
                {step.label}
                <span className="sr-only"> — {state}</span>
              </span>
            </li>
          );
        })}
      </ol>
      {info.phase === "failed" && <p className="mt-4 text-sm text-bad">Check the terminal running `npm start` for the gateway log.</p>}
    </section>
  );
}
