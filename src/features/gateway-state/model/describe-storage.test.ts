import { describe, expect, it } from "vitest";
import { describeStorage, formatBytes } from "./describe-storage";

const clock = (at: number) => `t${at}`;

describe("describeStorage", () => {
  it("reads bytes as people do", () => {
    expect([formatBytes(812), formatBytes(4_300), formatBytes(8 * 1024 * 1024), formatBytes(1.25 * 1024 ** 3)]).toEqual(["812 B", "4.2 KB", "8.0 MB", "1.3 GB"]);
  });

  it("says what the run logs take against their budget, what the site takes, and whether the browser keeps it", () => {
    const runLogs = { gatewayScope: "ws://gw", bytes: 1_258_291, budgetBytes: 8 * 1024 * 1024, evictedRuns: 0 };
    expect(describeStorage({ runLogs, usedBytes: 3_565_158, quotaBytes: 2 * 1024 ** 3, persistent: true }, clock)).toEqual({
      line: "Run logs 1.2 MB of 8.0 MB · this site 3.4 MB of 2.0 GB · persistent",
    });
    expect(describeStorage({ runLogs: undefined, usedBytes: undefined, quotaBytes: undefined, persistent: false }, clock)).toEqual({
      line: "No run logs yet · not persistent: the browser may clear it when space runs low",
    });
  });

  it("says when older runs' logs were removed for the budget", () => {
    const runLogs = { gatewayScope: "ws://gw", bytes: 8_000_000, budgetBytes: 8 * 1024 * 1024, evictedRuns: 3, lastEvictedAt: 42 };
    expect(describeStorage({ runLogs, usedBytes: undefined, quotaBytes: undefined, persistent: true }, clock).evicted).toBe(
      "3 older runs' logs were removed to stay within 8.0 MB, the last at t42: those turns show only what the gateway's history kept.",
    );
  });
});
