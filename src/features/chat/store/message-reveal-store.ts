/**
 * A message to bring into view once its session's transcript is on screen: asked for by the session search when
 * it opens a session at a found message, done (or given up) by the chat pane.
 */
import { create } from "zustand";

interface MessageRevealState {
  pending: { sessionKey: string; messageId: string } | null;
  messageRevealRequested(sessionKey: string, messageId: string): void;
  messageRevealHandled(): void;
}

export const messageRevealStore = create<MessageRevealState>()((set) => ({
  pending: null,
  messageRevealRequested: (sessionKey, messageId) => set({ pending: { sessionKey, messageId } }),
  messageRevealHandled: () => set({ pending: null }),
}));
