/**
 * Messages the gateway said, live, it steered into a running reply (a `session.message` row naming its target run),
 * by message run id. History says the same a read later; until then the transcript takes it from here, so the reply
 * the run writes next is shown under the message it answers from its first word.
 */
import { create } from "zustand";

interface LiveSteerState {
  targets: ReadonlyMap<string, string>;
  steeredMessageSeen(messageRunId: string, targetRunId: string): void;
}

export const liveSteerStore = create<LiveSteerState>()((set) => ({
  targets: new Map(),
  steeredMessageSeen: (messageRunId, targetRunId) =>
    set((state) => (state.targets.get(messageRunId) === targetRunId ? state : { targets: new Map(state.targets).set(messageRunId, targetRunId) })),
}));
