import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { runLogsV1, seedVersion1 } from "@/testing/local-db-v1";
import { BLOCKED_WORDS, CLOSED_WORDS, DB_NAME, localDbNotice, LocalDbUnavailableError, openLocalDb, readRunLogUsage, resetLocalDbForTests } from "./local-db";

const fixture = runLogsV1();

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetLocalDbForTests();
});

describe("local database schema", () => {
  it("opens a version 1 database at version 2 and keeps its run logs, marked as signals to compact, with their size counted", async () => {
    (await seedVersion1(fixture.records)).close();
    const db = await openLocalDb();
    expect(db.version).toBe(2);
    const rows = await db.getAll("run-logs");
    expect(rows.map((row) => [row.key, row.format, row.signals?.length, row.usedAt === row.updatedAt])).toEqual(
      fixture.records.map((record) => [record.key, 1, record.signals.length, true]),
    );
    const bytes = fixture.records.reduce((sum, record) => sum + JSON.stringify(record.signals).length, 0);
    expect(await readRunLogUsage(fixture.records[0]!.gatewayScope)).toEqual({ gatewayScope: fixture.records[0]!.gatewayScope, bytes, budgetBytes: 0, evictedRuns: 0 });
    expect(await db.getAllKeysFromIndex("run-logs", "by-gateway-use")).toHaveLength(2);
  });

  it("drops, with a warning, a version 1 record that holds no signal list, and keeps the others", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const broken = { key: "ws://gw|s|bad", gatewayScope: "ws://gw", sessionKey: "s", runId: "bad", updatedAt: 1, signals: "not a list" };
    (await seedVersion1([...fixture.records, broken])).close();
    const db = await openLocalDb();
    expect((await db.getAllKeys("run-logs")).sort()).toEqual(fixture.records.map((record) => record.key).sort());
    expect(warn).toHaveBeenCalledWith("[local-db] dropped a stored run log the first schema could not have written", { runLog: "ws://gw|s|bad" });
    warn.mockRestore();
  });

  it("gives up after a moment, and says why, when another tab keeps the old schema open", async () => {
    const other = await seedVersion1([]);
    const started = Date.now();
    await expect(openLocalDb()).rejects.toBeInstanceOf(LocalDbUnavailableError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(localDbNotice()).toEqual({ kind: "blocked", words: BLOCKED_WORDS });
    other.close();
  }, 15_000);

  it("lets another tab upgrade: closes its own handle, says to reload, and does not reopen the old schema", async () => {
    await openLocalDb();
    const newer = await openDB(DB_NAME, 3);
    expect(newer.version).toBe(3);
    expect(localDbNotice()).toEqual({ kind: "closed-for-upgrade", words: CLOSED_WORDS });
    await expect(openLocalDb()).rejects.toBeInstanceOf(LocalDbUnavailableError);
    newer.close();
  });
});
