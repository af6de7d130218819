/** A clock that re-renders its readers once a second, shared by every countdown on screen. */
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const NO_TICKS = () => () => {};

/** `ticking` false: the clock does not re-render the reader (an ended run's times no longer move). */
export function useNow(ticking = true): number {
  return useSyncExternalStore(ticking ? subscribe : NO_TICKS, () => now);
}
