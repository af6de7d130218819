import { useImperativeHandle, useLayoutEffect, useRef, type ReactNode, type Ref } from "react";
import { isAtBottom, useStickToBottom } from "@/hooks/use-stick-to-bottom";
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

/** The first turn whose article reaches into the viewport, and how far below the viewport's top it starts. */
function turnInView(scroller: HTMLElement): { key: string; top: number; until: number } | null {
  const top = scroller.getBoundingClientRect().top;
  for (const article of scroller.querySelectorAll<HTMLElement>("article[data-turn-key]")) {
    const box = article.getBoundingClientRect();
    if (box.bottom > top) return { key: article.dataset.turnKey ?? "", top: box.top - top, until: performance.now() + 2_000 };
  }
  return null;
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
  const shown = useRef<{ firstKey?: string; scrollHeight: number; virtual?: boolean }>({ scrollHeight: 0 });
  /** The turn the user was reading when older turns went in above it, and where it stood in the viewport. */
  const anchor = useRef<{ key: string; top: number; until: number } | null>(null);
  const firstKey = turns[0]?.key;
  // The height and the turn in view just before older turns go in, read as this render starts: a long list also
  // changes height by itself as it measures its turns, so what the last commit saw would be stale.
  if (firstKey !== shown.current.firstKey && scroller.current) {
    shown.current = { ...shown.current, scrollHeight: scroller.current.scrollHeight };
    anchor.current = pinned.current ? null : turnInView(scroller.current);
  }
  // A long list measures the turns it renders after the fact: keep the anchored turn still while that settles.
  const holdAnchor = () => {
    const element = scroller.current;
    const held = anchor.current;
    if (!element || !held || performance.now() > held.until) return;
    const article = turnArticle(element, held.key);
    if (!article) return;
    const drift = article.getBoundingClientRect().top - element.getBoundingClientRect().top - held.top;
    if (Math.abs(drift) >= 1) element.scrollTop += drift;
  };

  const virtual = turns.length > VIRTUALIZE_AFTER_TURNS;
  // Renders of the transcript keep the end in view below; this keeps it there when only sizes change (the composer
  // grew under it, a timeline in it opened).
  useStickToBottom(scroller, log, pinned);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = shown.current;
    if (pinned.current) {
      element.scrollTop = element.scrollHeight;
    } else if (before.firstKey !== undefined && firstKey !== before.firstKey && turns.some((turn, index) => index > 0 && turn.key === before.firstKey)) {
      // Older turns were put above the one the user was reading: keep that one where it was. A list that was
      // already virtual does this itself (anchorTo), from sizes the DOM does not have yet.
      if (!(virtual && before.virtual)) element.scrollTop += element.scrollHeight - before.scrollHeight;
      holdAnchor();
    }
    shown.current = { firstKey, scrollHeight: element.scrollHeight, virtual };
  });

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
        pinned.current = isAtBottom(element, STICKY_PX);
        shown.current = { ...shown.current, scrollHeight: element.scrollHeight };
        if (earlier.status === "more" && element.scrollTop < LOAD_EARLIER_PX && !pinned.current) earlier.load();
      }}
      className="min-h-0 flex-1 overflow-y-auto"
    >
      <div
        ref={log}
        role="log"
        aria-label="Transcript"
        aria-live="off"
        // A reader who opens a timeline or a tool at the end wants to read it from its top: stop following the end,
        // or its toggle would scroll away. Scrolling back to the end follows it again.
        onClickCapture={(event) => {
          if (event.target instanceof Element && event.target.closest("[aria-expanded]")) pinned.current = false;
        }}
        className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6"
      >
        <EarlierHistoryRow earlier={earlier} hasTurns={turns.length > 0} />
        {turns.length === 0 ? emptyState : null}
        {virtual ? (
          <VirtualTurns turns={turns} scroller={scroller} pinned={pinned} scrollToIndex={scrollToIndex} onLayout={holdAnchor} {...renderers} />
        ) : (
          turns.map((turn) => <TurnArticle key={turn.key} turn={turn} {...renderers} />)
        )}
      </div>
    </div>
  );
}
