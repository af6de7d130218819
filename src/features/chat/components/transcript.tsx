import { useImperativeHandle, useLayoutEffect, useRef, type ReactNode, type Ref } from "react";
import type { EarlierHistory } from "../api/use-chat-history";
import type { Turn } from "../model/transcript";
import { EarlierHistoryRow } from "./earlier-history-row";
import { TurnArticle, type TurnRenderers } from "./turn-article";
import { VirtualTurns } from "./virtual-turns";

export interface TranscriptProps extends TurnRenderers {
  turns: Turn[];
  earlier: EarlierHistory;
  emptyState: ReactNode;
  ref?: Ref<TranscriptHandle>;
}

export interface TranscriptHandle {
  /** Brings a turn into view by its index in `turns`, rendered or not (beyond VIRTUALIZE_AFTER_TURNS only turns near the viewport are). */
  scrollToTurn(index: number): void;
  /** The element holding the turns, for marking matches in them. */
  logElement(): HTMLElement | null;
}

/** The rendered article of a turn, if it is in the page. */
export function turnArticle(root: ParentNode, turnKey: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`article[data-turn-key="${CSS.escape(turnKey)}"]`);
}

/** Brings a run's turn into view and puts focus on its first disclosure (the run's timeline toggle). */
export function revealTurn(runId: string): void {
  const article = document.querySelector<HTMLElement>(`article[data-run-id="${CSS.escape(runId)}"]`);
  if (!article) return;
  article.scrollIntoView({ block: "center" });
  article.querySelector<HTMLElement>("button[aria-expanded]")?.focus({ preventScroll: true });
}

/** Distance from the bottom within which new content keeps the view pinned to the end. */
const STICKY_PX = 120;
/** Distance from the top within which older messages are read before the user reaches the end. */
const LOAD_EARLIER_PX = 400;
/**
 * Beyond this many turns only those near the viewport are rendered. Below it every turn stays
 * mounted, so a timeline the user opened keeps its state while scrolled out of view.
 */
export const VIRTUALIZE_AFTER_TURNS = 120;

export function Transcript({ turns, earlier, emptyState, ref, ...renderers }: TranscriptProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const scrollToIndex = useRef<((index: number) => void) | null>(null);
  const pinned = useRef(true);
  const shown = useRef<{ firstKey?: string; scrollHeight: number }>({ scrollHeight: 0 });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = shown.current;
    const firstKey = turns[0]?.key;
    if (pinned.current) {
      element.scrollTop = element.scrollHeight;
    } else if (before.firstKey !== undefined && firstKey !== before.firstKey && turns.some((turn, index) => index > 0 && turn.key === before.firstKey)) {
      // Older turns were put above the one the user was reading: keep that one where it was.
      element.scrollTop += element.scrollHeight - before.scrollHeight;
    }
    shown.current = { firstKey, scrollHeight: element.scrollHeight };
  });

  const virtual = turns.length > VIRTUALIZE_AFTER_TURNS;
  useImperativeHandle(
    ref,
    () => ({
      scrollToTurn(index) {
        const turn = turns[index];
        if (!turn) return;
        pinned.current = false;
        const article = log.current ? turnArticle(log.current, turn.key) : null;
        if (article) article.scrollIntoView({ block: "center" });
        else scrollToIndex.current?.(index);
      },
      logElement: () => log.current,
    }),
    [turns],
  );
  return (
    <div
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_PX;
        shown.current = { ...shown.current, scrollHeight: element.scrollHeight };
        if (earlier.status === "more" && element.scrollTop < LOAD_EARLIER_PX && !pinned.current) earlier.load();
      }}
      className="min-h-0 flex-1 overflow-y-auto"
    >
      <div ref={log} role="log" aria-label="Transcript" aria-live="off" className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6">
        <EarlierHistoryRow earlier={earlier} hasTurns={turns.length > 0} />
        {turns.length === 0 ? emptyState : null}
        {virtual ? (
          <VirtualTurns turns={turns} scroller={scroller} pinned={pinned} scrollToIndex={scrollToIndex} {...renderers} />
        ) : (
          turns.map((turn) => <TurnArticle key={turn.key} turn={turn} {...renderers} />)
        )}
      </div>
    </div>
  );
}
