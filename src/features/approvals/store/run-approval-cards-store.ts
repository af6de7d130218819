/**
 * Which pending approvals have their card on a run in the page. The banner above the transcript offers to go to
 * that card only while it is there: a run's card is not on the page once its turn scrolled out of a long
 * (virtual) transcript, or when the run is not one this page is following live.
 */
import { create } from "zustand";

interface RunApprovalCardsState {
  shown: ReadonlySet<string>;
  cardMounted(approvalId: string): void;
  cardUnmounted(approvalId: string): void;
}

export const runApprovalCards = create<RunApprovalCardsState>()((set) => ({
  shown: new Set(),
  cardMounted: (approvalId) => set((state) => ({ shown: new Set(state.shown).add(approvalId) })),
  cardUnmounted: (approvalId) =>
    set((state) => {
      const shown = new Set(state.shown);
      shown.delete(approvalId);
      return { shown };
    }),
}));
