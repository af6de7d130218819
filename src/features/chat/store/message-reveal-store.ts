/**
 * A message to bring into view once its session's transcript is on screen: asked for by the session search when
 * it opens a session at a found message, done (or given up, with the reason) by the chat pane, which reads older
 * history pages on the way when the message is further back than the transcript has read.
 */
import { create } from "zustand";
import { olderPageAsked, type RevealMiss, type RevealProgress } from "../model/message-reveal";

interface MessageRevealState {
  pending: ({ sessionKey: string; messageId: string } & RevealProgress) | null;
  /** The turn the last reveal brought into view, marked as found while its session stays open. */
  found: { sessionKey: string; turnKey: string } | null;
  /** Why the last reveal could not bring its message into view, said until dismissed or the session is left. */
  missed: { sessionKey: string; miss: RevealMiss } | null;
  messageRevealRequested(sessionKey: string, messageId: string): void;
  /** An older page was asked for on the way to the pending message; `olderPages` were held at that moment. */
  olderPageRequestedForReveal(olderPages: number): void;
  messageRevealed(sessionKey: string, turnKey: string): void;
  messageRevealMissed(sessionKey: string, miss: RevealMiss): void;
  revealNoteDismissed(): void;
  /** The transcript of `sessionKey` closed: its found mark and its note go with it. */
  revealSessionLeft(sessionKey: string): void;
}

export const messageRevealStore = create<MessageRevealState>()((set) => ({
  pending: null,
  found: null,
  missed: null,
  messageRevealRequested: (sessionKey, messageId) => set({ pending: { sessionKey, messageId, asked: 0 }, found: null, missed: null }),
  olderPageRequestedForReveal: (olderPages) => set(({ pending }) => (pending ? { pending: { ...pending, ...olderPageAsked(pending, olderPages) } } : {})),
  messageRevealed: (sessionKey, turnKey) => set({ pending: null, found: { sessionKey, turnKey } }),
  messageRevealMissed: (sessionKey, miss) => set({ pending: null, missed: { sessionKey, miss } }),
  revealNoteDismissed: () => set({ missed: null }),
  revealSessionLeft: (sessionKey) =>
    set(({ found, missed }) => ({ found: found?.sessionKey === sessionKey ? null : found, missed: missed?.sessionKey === sessionKey ? null : missed })),
}));
