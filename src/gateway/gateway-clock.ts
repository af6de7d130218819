/**
 * The gateway's clock as this browser sees it. Live runs are timed by the
 * browser (when each event arrived); log lines and history rows carry the
 * gateway's own times. When the two clocks disagree by minutes, a run's log
 * window misses every line and a history time from "the future" keeps a run
 * looking fresh, so times from the gateway are moved onto the browser's clock
 * before they are compared with the browser's.
 *
 * Each sample is a server stamp of "now" (the connect challenge's `ts`, each
 * `tick`'s `ts`) minus when it arrived. Transit only ever makes a sample too
 * small, so the largest of the recent samples is the best estimate.
 */

/** Recent samples kept: a tick every 30 s makes this about the last eight minutes. */
export const CLOCK_SAMPLES = 16;
/** Changes smaller than this do not notify: transit jitter is not news. */
export const CLOCK_NOTIFY_STEP_MS = 250;
/** Below this the clocks agree as far as anyone can tell (a local gateway reads a few ms of transit): no correction. */
export const CLOCK_SKEW_THRESHOLD_MS = 1_000;

export class GatewayClock {
  private samples: number[] = [];
  private offset = 0;
  private readonly listeners = new Set<() => void>();

  /** A server stamp of its present moment, and when (browser clock) it arrived. */
  observe(serverMs: unknown, receivedAt: number): void {
    if (typeof serverMs !== "number" || !Number.isFinite(serverMs) || serverMs <= 0) return;
    this.samples = [...this.samples.slice(-(CLOCK_SAMPLES - 1)), serverMs - receivedAt];
    const estimate = Math.round(Math.max(...this.samples));
    const next = Math.abs(estimate) < CLOCK_SKEW_THRESHOLD_MS ? 0 : estimate;
    const changedEnough = Math.abs(next - this.offset) >= CLOCK_NOTIFY_STEP_MS;
    this.offset = next;
    if (changedEnough) for (const listener of this.listeners) listener();
  }

  /** Gateway clock minus browser clock: positive when the gateway is ahead. */
  getOffsetMs = (): number => this.offset;

  /** A gateway time on the browser's clock. */
  toLocal(serverMs: number): number {
    return serverMs - this.offset;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
