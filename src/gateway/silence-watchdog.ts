/**
 * The gateway ticks every `tickIntervalMs`; a socket silent for two intervals
 * is dead even if the browser has not noticed, so the connection closes it
 * and reconnects.
 */
export class SilenceWatchdog {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onSilence: (silentMs: number) => void;

  constructor(onSilence: (silentMs: number) => void) {
    this.onSilence = onSilence;
  }

  /** (Re)starts the countdown; any frame from the gateway calls this. */
  arm(tickIntervalMs: number): void {
    this.clear();
    const silentMs = 2 * tickIntervalMs;
    this.timer = setTimeout(() => this.onSilence(silentMs), silentMs);
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
