import { describe, expect, it } from "vitest";
import { BOOT_MEMORY_KEY, readBootMemory, rememberBoot, restartOf, writeBootMemory, type StorageLike } from "./boot-memory";

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { items: Record<string, string> } {
  const items = { ...initial };
  return {
    items,
    getItem: (key) => items[key] ?? null,
    setItem: (key, value) => {
      items[key] = value;
    },
  };
}

describe("boot memory", () => {
  it("remembers the last boot id per gateway URL across a reload", () => {
    const storage = memoryStorage();
    writeBootMemory(storage, rememberBoot(readBootMemory(storage), "ws://a", "boot-1", 100));
    writeBootMemory(storage, rememberBoot(readBootMemory(storage), "ws://b", "boot-9", 200));
    writeBootMemory(storage, rememberBoot(readBootMemory(storage), "ws://a", "boot-2", 300));
    expect(readBootMemory(storage)).toEqual({ "ws://a": { bootId: "boot-2", seenAt: 300 }, "ws://b": { bootId: "boot-9", seenAt: 200 } });
  });

  it("reads nothing from missing, broken or foreign values, and survives a storage that throws", () => {
    expect(readBootMemory(memoryStorage())).toEqual({});
    expect(readBootMemory(memoryStorage({ [BOOT_MEMORY_KEY]: "{not json" }))).toEqual({});
    expect(readBootMemory(memoryStorage({ [BOOT_MEMORY_KEY]: JSON.stringify({ "ws://a": { bootId: 3 }, "ws://b": { bootId: "x", seenAt: 1 } }) }))).toEqual({
      "ws://b": { bootId: "x", seenAt: 1 },
    });
    const full: StorageLike = { getItem: () => null, setItem: () => { throw new Error("quota"); } };
    expect(() => writeBootMemory(full, {})).not.toThrow();
  });

  it("keeps only the most recently seen gateways", () => {
    let memory = {};
    for (let index = 0; index < 25; index += 1) memory = rememberBoot(memory, `ws://gw-${index}`, "boot", index);
    expect(Object.keys(memory)).toHaveLength(20);
    expect(Object.keys(memory)).not.toContain("ws://gw-0");
  });
});

describe("restartOf", () => {
  it("says the gateway restarted while this page was away when only the browser remembers the old boot", () => {
    expect(restartOf("boot-2", undefined, { bootId: "boot-1", seenAt: 50 }, 100)).toEqual({
      previousBootId: "boot-1",
      bootId: "boot-2",
      noticed: "while-away",
      previousSeenAt: 50,
      noticedAt: 100,
    });
  });

  it("prefers the page's own last boot: a restart while the page was open", () => {
    expect(restartOf("boot-3", { bootId: "boot-2", seenAt: 90 }, { bootId: "boot-3", seenAt: 95 }, 100)).toMatchObject({ previousBootId: "boot-2", noticed: "while-open" });
  });

  it("sees no restart for the same boot, a first visit, or a hello without a boot id", () => {
    expect(restartOf("boot-1", undefined, { bootId: "boot-1", seenAt: 1 }, 2)).toBeUndefined();
    expect(restartOf("boot-1", undefined, undefined, 2)).toBeUndefined();
    expect(restartOf(undefined, { bootId: "boot-1", seenAt: 1 }, undefined, 2)).toBeUndefined();
  });
});
