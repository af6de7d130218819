import { timelineVisibilityStore } from "../store/timeline-visibility-store";

/** Expand or collapse every run timeline on the page at once. */
export function TimelineToggles() {
  const { allTimelinesExpanded, allTimelinesCollapsed } = timelineVisibilityStore.getState();
  return (
    <div role="group" aria-label="All run timelines" className="flex justify-end gap-1">
      <button type="button" onClick={() => allTimelinesExpanded(Date.now())} className="rounded-md px-2 py-0.5 text-xs text-ink-2 hover:bg-surface-2">
        Expand all timelines
      </button>
      <button type="button" onClick={() => allTimelinesCollapsed(Date.now())} className="rounded-md px-2 py-0.5 text-xs text-ink-2 hover:bg-surface-2">
        Collapse all timelines
      </button>
    </div>
  );
}
