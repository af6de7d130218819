/** Whether the find box is open, what it looks for and which match is current; the matches themselves are derived. */
import { createStore, useStore } from "zustand";
import { stepMatch } from "../model/find-matches";

interface FindState {
  open: boolean;
  query: string;
  active: number;
  /** Counts navigations, so going to the same match again still scrolls to it. */
  visit: number;
  /** Counts Ctrl+F presses: each puts focus back in the box. */
  opens: number;
  findOpened(): void;
  findClosed(): void;
  queryTyped(query: string): void;
  matchStepped(direction: 1 | -1, total: number): void;
}

export const findStore = createStore<FindState>()((set) => ({
  open: false,
  query: "",
  active: 0,
  visit: 0,
  opens: 0,
  findOpened: () => set((state) => ({ open: true, visit: state.visit + 1, opens: state.opens + 1 })),
  findClosed: () => set({ open: false }),
  queryTyped: (query) => set((state) => ({ query, active: 0, visit: state.visit + 1 })),
  matchStepped: (direction, total) => set((state) => ({ active: stepMatch(state.active, total, direction), visit: state.visit + 1 })),
}));

export function useFind<T>(select: (state: FindState) => T): T {
  return useStore(findStore, select);
}
