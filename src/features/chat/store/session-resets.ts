/**
 * When this browser last reset each session (`/reset`). The gateway resets a
 * session in place, under the same key, and its history then starts empty;
 * runs this page still knows from before (live, or from its run log) belong to
 * the old transcript and are not shown as part of the new one. Kept in
 * localStorage so a reload does not bring them back.
 */
import { create } from "zustand";
import { readStoredText, writeStoredText } from "@/lib/stored-text";

const resetKey = (sessionKey: string) => `clawscope.reset-at.${sessionKey}`;

interface SessionResetsState {
  resets: Record<string, number>;
  sessionReset(sessionKey: string, at: number): void;
}

export const sessionResetsStore = create<SessionResetsState>()((set) => ({
  resets: {},
  sessionReset(sessionKey, at) {
    writeStoredText(resetKey(sessionKey), String(at));
    set((state) => ({ resets: { ...state.resets, [sessionKey]: at } }));
  },
}));

/** The moment the session's current transcript began here, if this browser reset it. */
export function useSessionResetAt(sessionKey: string): number | undefined {
  const known = sessionResetsStore((state) => state.resets[sessionKey]);
  if (known !== undefined) return known;
  const stored = Number(readStoredText(resetKey(sessionKey)));
  return Number.isFinite(stored) && stored > 0 ? stored : undefined;
}
