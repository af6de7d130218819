/**
 * The last boot id this browser saw per gateway URL, kept in localStorage, so
 * a page opened after the gateway restarted can say so. Within one page the
 * connection itself notices a new boot id; across reloads only this memory can.
 * Both apply the same rule, `bootChanged`.
 */
import { bootChanged } from "@/gateway/hello";

export const BOOT_MEMORY_KEY = "clawscope.gateway-boots";
/** A browser that has talked to many gateways keeps only the most recent ones. */
const MAX_REMEMBERED = 20;

export interface RememberedBoot {
  bootId: string;
  seenAt: number;
}

export type BootMemory = Readonly<Record<string, RememberedBoot>>;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function readBootMemory(storage: StorageLike): BootMemory {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(BOOT_MEMORY_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const memory: Record<string, RememberedBoot> = {};
    for (const [url, value] of Object.entries(parsed as Record<string, unknown>)) {
      const boot = value as Partial<RememberedBoot> | null;
      if (typeof boot?.bootId === "string" && typeof boot.seenAt === "number") memory[url] = { bootId: boot.bootId, seenAt: boot.seenAt };
    }
    return memory;
  } catch {
    return {};
  }
}

export function rememberBoot(memory: BootMemory, url: string, bootId: string, at: number): BootMemory {
  const entries = Object.entries({ ...memory, [url]: { bootId, seenAt: at } })
    .sort(([, a], [, b]) => b.seenAt - a.seenAt)
    .slice(0, MAX_REMEMBERED);
  return Object.fromEntries(entries);
}

export function writeBootMemory(storage: StorageLike, memory: BootMemory): void {
  try {
    storage.setItem(BOOT_MEMORY_KEY, JSON.stringify(memory));
  } catch {
    // Private mode or a full quota: the page still works, it just cannot compare across reloads.
  }
}

export interface GatewayRestart {
  previousBootId: string;
  bootId: string;
  /** "while-away": between this page's last visit and now; "while-open": while this page was connected. */
  noticed: "while-away" | "while-open";
  /** When the previous boot was last seen. */
  previousSeenAt: number;
  noticedAt: number;
}

/**
 * Compares a hello's boot id with what was known: the page's own last boot id
 * first (a restart while open), else the browser's memory (a restart while away).
 */
export function restartOf(
  bootId: string | undefined,
  pageBoot: RememberedBoot | undefined,
  remembered: RememberedBoot | undefined,
  at: number,
): GatewayRestart | undefined {
  const known = pageBoot ?? remembered;
  if (!bootId || !known || !bootChanged(known.bootId, bootId)) return undefined;
  return { previousBootId: known.bootId, bootId, noticed: pageBoot ? "while-open" : "while-away", previousSeenAt: known.seenAt, noticedAt: at };
}
