import { useVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, type RefObject } from "react";
import type { Turn } from "../model/transcript";
import { TurnArticle, type TurnRenderers } from "./turn-article";

/**
 * Only the turns near the viewport are in the page, so a session of thousands
 * of messages scrolls as lightly as a short one. Each turn is measured once
 * rendered; the virtualizer keeps the view still when a turn above it changes size.
 */
export function VirtualTurns({
  turns,
  scroller,
  pinned,
  scrollToIndex,
  onLayout,
  ...renderers
}: {
  turns: Turn[];
  scroller: RefObject<HTMLDivElement | null>;
  pinned: RefObject<boolean>;
  /** Set here so the transcript can bring a turn that is not rendered into view. */
  scrollToIndex: RefObject<((index: number) => void) | null>;
  /** After each of this list's own renders (it re-renders alone as it measures turns). */
  onLayout(): void;
} & TurnRenderers) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render; nothing memoizes it
  const virtualizer = useVirtualizer({
    count: turns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 180,
    overscan: 6,
    getItemKey: (index) => turns[index]?.key ?? index,
    // A chat list: when older turns go in above, the virtualizer keeps the turn at the scroll offset where it was,
    // by its own measurements (the DOM's height is only its estimate of turns not yet rendered).
    anchorTo: "end",
  });
  useLayoutEffect(() => {
    scrollToIndex.current = (index) => virtualizer.scrollToIndex(index, { align: "center" });
    return () => {
      scrollToIndex.current = null;
    };
  }, [scrollToIndex, virtualizer]);
  // Measuring turns re-renders only this list, so it keeps the view at the end itself while the user is there.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
    else onLayout();
  });
  return (
    <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
      {virtualizer.getVirtualItems().map((item) => {
        const turn = turns[item.index];
        if (!turn) return null;
        return (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` }}
            className="pb-6"
          >
            <TurnArticle turn={turn} {...renderers} />
          </div>
        );
      })}
    </div>
  );
}
