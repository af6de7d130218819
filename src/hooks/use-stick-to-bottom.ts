import { useEffect, type RefObject } from "react";

export interface ScrollMetrics {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** Whether a reader scrolled to within `slackPx` of a scroll container's end counts as being at the end. */
export function isAtBottom(metrics: ScrollMetrics, slackPx: number): boolean {
  return metrics.scrollHeight - metrics.scrollTop - metrics.clientHeight < slackPx;
}

/**
 * Keeps a scroll container at its end while the reader is there (`pinned`, which the caller keeps from its scroll
 * events) whenever its box or its content changes size without the caller rendering: a composer below it grows,
 * a panel inside it opens. Shrinking the box leaves `scrollTop` as it was and raises no scroll event, so without
 * this the last lines slide out of view under whatever took the room. A reader who scrolled away is left where
 * they are.
 */
export function useStickToBottom(scroller: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, pinned: RefObject<boolean>): void {
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    if (content.current) observer.observe(content.current);
    return () => observer.disconnect();
  }, [scroller, content, pinned]);
}
