/**
 * Which user messages can start a new session ("Fork from here"), and in words why one cannot.
 * The gateway's `sessions.fork` copies the transcript before a saved user message, named by its
 * entry id (`__openclaw.id` on the chat.history row), into a new session. It refuses while the
 * agent is working, so the button says so before anyone clicks.
 */
import type { TurnUser } from "./transcript";

export type ForkPoint = { kind: "hidden" } | { kind: "available"; entryId: string } | { kind: "unavailable"; reason: string };

export interface ForkConditions {
  /** A reply is running in this session. */
  running: boolean;
  online: boolean;
  /** A fork of this session is already on its way. */
  forking: boolean;
}

export function forkPointOf(user: TurnUser, conditions: ForkConditions): ForkPoint {
  // The gateway's own restart note is not something a person said: there is nothing to edit and resend.
  if (user.systemNote) return { kind: "hidden" };
  if (user.pending !== undefined) return { kind: "unavailable", reason: "Not saved by the gateway yet: it can be forked once it is delivered." };
  if (user.entryId === undefined) return { kind: "unavailable", reason: "The gateway gave this message no id, so it cannot be forked." };
  if (conditions.running) return { kind: "unavailable", reason: "Fork is unavailable while the agent is working." };
  if (!conditions.online) return { kind: "unavailable", reason: "Not connected to the gateway: fork once it is back." };
  if (conditions.forking) return { kind: "unavailable", reason: "A fork of this session is on its way." };
  return { kind: "available", entryId: user.entryId };
}
