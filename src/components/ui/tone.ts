/** Colour classes for the four states everything in the UI is in. */
export type Tone = "ok" | "working" | "warn" | "error" | "idle";

export const TONE_DOT: Record<Tone, string> = {
  ok: "bg-ok",
  working: "bg-accent",
  warn: "bg-warn",
  error: "bg-bad",
  idle: "bg-ink-3",
};

export const TONE_SOFT: Record<Tone, string> = {
  ok: "bg-ok-soft text-ok border-ok/30",
  working: "bg-accent-soft text-accent border-accent/30",
  warn: "bg-warn-soft text-warn border-warn/30",
  error: "bg-bad-soft text-bad border-bad/30",
  idle: "bg-surface-2 text-ink-2 border-line",
};
