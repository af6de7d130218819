/**
 * Two lines after the list: where the run's wall time went. The list's per-test
 * durations leave out global setup and teardown, beforeAll/afterAll hooks and
 * trace handling, so this says how much those took beside the tests themselves,
 * and which spec files cost the most, for whoever keeps the suite within CI's budget.
 */
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export default class TimingSummary implements Reporter {
  private readonly created = Date.now();
  private began = this.created;
  private readonly perFile = new Map<string, number>();

  onBegin() {
    this.began = Date.now();
  }

  onTestEnd(test: TestCase, result: TestResult) {
    const file = test.location.file.split(/[\\/]/).pop() ?? test.location.file;
    this.perFile.set(file, (this.perFile.get(file) ?? 0) + result.duration);
  }

  onEnd() {
    const now = Date.now();
    const inTests = [...this.perFile.values()].reduce((sum, ms) => sum + ms, 0);
    const slowest = [...this.perFile].sort((a, b) => b[1] - a[1]).slice(0, 5);
    process.stdout.write(
      `\nWall time ${seconds(now - this.created)}: global setup ${seconds(this.began - this.created)}, ` +
        `test durations ${seconds(inTests)}, outside them (beforeAll/afterAll hooks, traces, teardown) ${seconds(now - this.began - inTests)}.\n` +
        `Slowest spec files: ${slowest.map(([file, ms]) => `${file} ${seconds(ms)}`).join(", ")}.\n`,
    );
  }

  printsToStdio() {
    return false;
  }
}
