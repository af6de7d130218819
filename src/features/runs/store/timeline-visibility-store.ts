/**
 * "Expand all" and "Collapse all" for the run timelines on the page. The
 * choice applies to the runs that existed when it was made (a run started
 * later opens while live, as usual), and a run's own toggle, used after it,
 * wins until the next such choice.
 */
import { createStore, useStore } from "zustand";

export interface EveryTimelineChoice {
  open: boolean;
  /** Runs created up to this moment follow the choice. */
  madeAt: number;
  /** Counts the choices, so a run's own toggle knows whether it came after the newest one. */
  generation: number;
}

interface TimelineVisibilityState {
  every: EveryTimelineChoice | null;
  allTimelinesExpanded(at: number): void;
  allTimelinesCollapsed(at: number): void;
}

export const timelineVisibilityStore = createStore<TimelineVisibilityState>()((set) => ({
  every: null,
  allTimelinesExpanded: (at) => set((state) => ({ every: { open: true, madeAt: at, generation: (state.every?.generation ?? 0) + 1 } })),
  allTimelinesCollapsed: (at) => set((state) => ({ every: { open: false, madeAt: at, generation: (state.every?.generation ?? 0) + 1 } })),
}));

export function useEveryTimelineChoice(): EveryTimelineChoice | null {
  return useStore(timelineVisibilityStore, (state) => state.every);
}

/** A run's own toggle, remembered with the generation of the "all" choice it was made under. */
export interface OwnTimelineChoice {
  open: boolean;
  generation: number;
}

/** Whether a run's timeline is open: its own newer toggle, else the "all" choice if it covers the run, else open while live. */
export function timelineOpen(own: OwnTimelineChoice | null, every: EveryTimelineChoice | null, run: { createdAt: number }, live: boolean): boolean {
  const generation = every?.generation ?? 0;
  if (own && own.generation === generation) return own.open;
  if (every && run.createdAt <= every.madeAt) return every.open;
  return live;
}
