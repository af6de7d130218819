/**
 * What became of this tab's recent decisions. A card leaves the list the
 * moment its approval is decided, so the outcome ("Allowed once: the command
 * runs now.", or why it failed) is said here, above the transcript.
 */
import { create } from "zustand";

export interface DecisionOutcome {
  approvalId: string;
  command: string;
  text: string;
  at: number;
  ok: boolean;
}

interface DecisionLogState {
  outcomes: readonly DecisionOutcome[];
  decided(outcome: Omit<DecisionOutcome, "ok">): void;
  failed(outcome: Omit<DecisionOutcome, "ok">): void;
  dismissed(approvalId: string): void;
}

/** Only the newest few: older outcomes are in each run's timeline. */
const KEEP = 3;

function added(outcomes: readonly DecisionOutcome[], outcome: DecisionOutcome): readonly DecisionOutcome[] {
  return [outcome, ...outcomes.filter((known) => known.approvalId !== outcome.approvalId)].slice(0, KEEP);
}

export const decisionLog = create<DecisionLogState>()((set) => ({
  outcomes: [],
  decided: (outcome) => set((state) => ({ outcomes: added(state.outcomes, { ...outcome, ok: true }) })),
  failed: (outcome) => set((state) => ({ outcomes: added(state.outcomes, { ...outcome, ok: false }) })),
  dismissed: (approvalId) => set((state) => ({ outcomes: state.outcomes.filter((outcome) => outcome.approvalId !== approvalId) })),
}));
