/**
 * The message the session search opened this session at: brought into view (and marked as found) once the history
 * holding it is here, reading older pages on the way when it is further back than the transcript has read; when it
 * cannot be reached, the reason in words.
 */
import { useEffect, type RefObject } from "react";
import type { useChatHistory } from "@/features/chat/api/use-chat-history";
import type { TranscriptHandle } from "@/features/chat/components/transcript";
import { nextRevealStep, type RevealMiss } from "@/features/chat/model/message-reveal";
import { turnOfMessage } from "@/features/chat/model/message-turn";
import type { Turn } from "@/features/chat/model/transcript";
import { messageRevealStore } from "@/features/chat/store/message-reveal-store";

export interface MessageReveal {
  /** The turn holding the found message, once in view. */
  foundTurnKey?: string;
  /** Older pages are being read to reach it. */
  reading: boolean;
  missed?: RevealMiss;
}

export function useMessageReveal(sessionKey: string, history: ReturnType<typeof useChatHistory>, turns: Turn[], transcript: RefObject<TranscriptHandle | null>): MessageReveal {
  const pending = messageRevealStore((state) => state.pending);
  const found = messageRevealStore((state) => state.found);
  const missed = messageRevealStore((state) => state.missed);
  const { data, earlier, olderPages } = history;

  useEffect(() => {
    if (!pending || pending.sessionKey !== sessionKey || data?.sessionKey !== sessionKey) return;
    const store = messageRevealStore.getState();
    const step = nextRevealStep({
      index: turnOfMessage(data.messages, turns, pending.messageId),
      earlier: earlier.status,
      olderPages,
      messagesRead: data.messages.length,
      error: earlier.status === "failed" ? earlier.error : undefined,
      progress: pending,
    });
    switch (step.kind) {
      case "scroll":
        transcript.current?.scrollToTurn(step.index);
        store.messageRevealed(sessionKey, turns[step.index]?.key ?? "");
        return;
      case "load-older":
        if (earlier.status === "more" || earlier.status === "failed") earlier.load();
        store.olderPageRequestedForReveal(olderPages);
        return;
      case "missed":
        store.messageRevealMissed(sessionKey, step.miss);
        return;
      case "wait":
        return;
    }
  }, [pending, sessionKey, data, turns, earlier, olderPages, transcript]);

  // Another session opened: the mark and the note were about this one.
  useEffect(() => () => messageRevealStore.getState().revealSessionLeft(sessionKey), [sessionKey]);

  return {
    foundTurnKey: found?.sessionKey === sessionKey ? found.turnKey : undefined,
    reading: pending?.sessionKey === sessionKey && pending.asked > 0,
    missed: missed?.sessionKey === sessionKey ? missed.miss : undefined,
  };
}
