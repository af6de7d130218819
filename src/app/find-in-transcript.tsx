/**
 * Ctrl/⌘+F inside the app: a search box over the transcript. The matches come
 * from the turns' data (so a turn scrolled out of a long, virtualized
 * transcript is still found); going to one scrolls its turn into view, opens
 * its timeline and tool step when the match is tool text, and marks it.
 */
import { useEffect, useMemo, useRef, type RefObject } from "react";
import { turnArticle, type TranscriptHandle } from "@/features/chat/components/transcript";
import type { Turn } from "@/features/chat/model/transcript";
import { FindBar } from "@/features/find/components/find-bar";
import { findMatches, type FindMatch } from "@/features/find/model/find-matches";
import { findStore, useFind } from "@/features/find/store/find-store";
import type { RunTimeline } from "@/features/runs/model/run-timeline";
import { highlightText, type Highlights } from "@/lib/highlight-text";
import { transcriptSearchDocs } from "./transcript-search";

const TIMELINE = 'section[aria-label="Run timeline"]';
const GLANCE = '[aria-label="Run at a glance"]';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function waitFor<T>(read: () => T | null, frames = 20): Promise<T | null> {
  for (let i = 0; i < frames; i += 1) {
    const found = read();
    if (found) return found;
    await nextFrame();
  }
  return read();
}

/** Opens a folded disclosure through its own button, so the view's state says it is open. */
function expand(button: HTMLButtonElement | null | undefined): boolean {
  if (button?.getAttribute("aria-expanded") !== "false") return false;
  button.click();
  return true;
}

async function revealMatch(handle: TranscriptHandle, match: FindMatch, query: string, stale: () => boolean): Promise<Highlights | null> {
  handle.scrollToTurn(match.turnIndex);
  const log = handle.logElement();
  if (!log) return null;
  const article = await waitFor(() => turnArticle(log, match.turnKey));
  if (!article || stale()) return null;
  const place = match.place;
  let container: HTMLElement | null = article;
  if (place.in === "tool") {
    const timeline = article.querySelector<HTMLElement>(TIMELINE);
    if (expand(timeline?.querySelector<HTMLButtonElement>(":scope > div > button[aria-expanded]"))) await nextFrame();
    const step = await waitFor(() => article.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(place.stepId)}"]`));
    if (expand(step?.querySelector<HTMLButtonElement>(":scope > button[aria-expanded]"))) await nextFrame();
    container = await waitFor(() => step?.querySelector<HTMLElement>(place.part === "arguments" ? 'pre[aria-label="Arguments"]' : 'pre[aria-label="Output"], pre[aria-label="Live output"]') ?? null, 5);
  }
  if (stale()) return null;
  const highlights = highlightText(log, query);
  // The messages' marks are those outside the run's timeline and its glance, which repeat tool text.
  const candidates = highlights.marks.filter((mark) => container?.contains(mark) && (place.in === "tool" || !mark.closest(`${TIMELINE}, ${GLANCE}`)));
  const current = candidates[Math.min(match.occurrence, candidates.length - 1)];
  if (current) {
    current.dataset.findCurrent = "";
    current.scrollIntoView({ block: "center" });
  } else {
    article.scrollIntoView({ block: "center" });
  }
  return highlights;
}

export function FindInTranscript({ turns, runOf, runsVersion, transcript }: { turns: readonly Turn[]; runOf(runId: string): RunTimeline | undefined; runsVersion: unknown; transcript: RefObject<TranscriptHandle | null> }) {
  const { open, query, active, visit, opens } = useFind((state) => state);
  const returnFocus = useRef<HTMLElement | null>(null);
  const highlights = useRef<Highlights | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "f") {
        event.preventDefault();
        if (!findStore.getState().open) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        findStore.getState().findOpened();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // runsVersion changes whenever the session's runs do: new tool output becomes searchable.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const matches = useMemo(() => (open ? findMatches(transcriptSearchDocs(turns, runOf), query) : []), [open, turns, runOf, runsVersion, query]);
  const match = matches[Math.min(active, matches.length - 1)];
  // The same match found again in fresh data (a live run streamed on) is not a new place to go.
  const matchKey = match ? `${match.turnKey}|${JSON.stringify(match.place)}|${match.occurrence}` : "";
  const latest = useRef(match);
  useEffect(() => {
    latest.current = match;
  }, [match]);

  useEffect(() => {
    highlights.current?.clear();
    highlights.current = null;
    const handle = transcript.current;
    const target = latest.current;
    if (!open || !target || !matchKey || !handle) return;
    let stale = false;
    void revealMatch(handle, target, query, () => stale).then((found) => {
      if (stale) found?.clear();
      else highlights.current = found;
    });
    return () => {
      stale = true;
      highlights.current?.clear();
      highlights.current = null;
    };
    // visit: going to the same match again scrolls to it again.
  }, [open, matchKey, query, visit, transcript]);

  if (!open) return null;
  return (
    <FindBar
      query={query}
      active={Math.min(active, Math.max(0, matches.length - 1))}
      total={matches.length}
      focusRequest={opens}
      onQuery={(text) => findStore.getState().queryTyped(text)}
      onStep={(direction) => findStore.getState().matchStepped(direction, matches.length)}
      onClose={() => {
        findStore.getState().findClosed();
        returnFocus.current?.focus();
        returnFocus.current = null;
      }}
    />
  );
}
