import { beforeEach, describe, expect, it } from "vitest";
import { timelineOpen, timelineVisibilityStore } from "./timeline-visibility-store";

describe("timeline visibility", () => {
  beforeEach(() => timelineVisibilityStore.setState({ every: null }));

  it("opens a timeline while its run is live and folds it once it ended, when nobody chose", () => {
    expect(timelineOpen(null, null, { createdAt: 1 }, true)).toBe(true);
    expect(timelineOpen(null, null, { createdAt: 1 }, false)).toBe(false);
  });

  it("expands or collapses every run that existed when the choice was made, not a run started later", () => {
    timelineVisibilityStore.getState().allTimelinesExpanded(100);
    const expanded = timelineVisibilityStore.getState().every;
    expect(timelineOpen(null, expanded, { createdAt: 50 }, false)).toBe(true);
    expect(timelineOpen(null, expanded, { createdAt: 150 }, false)).toBe(false);
    timelineVisibilityStore.getState().allTimelinesCollapsed(200);
    const collapsed = timelineVisibilityStore.getState().every;
    expect(collapsed).toEqual({ open: false, madeAt: 200, generation: 2 });
    expect(timelineOpen(null, collapsed, { createdAt: 150 }, true)).toBe(false);
    expect(timelineOpen(null, collapsed, { createdAt: 250 }, true)).toBe(true);
  });

  it("lets a run's own toggle win until the next expand or collapse all", () => {
    timelineVisibilityStore.getState().allTimelinesCollapsed(100);
    const first = timelineVisibilityStore.getState().every;
    const own = { open: true, generation: first?.generation ?? 0 };
    expect(timelineOpen(own, first, { createdAt: 50 }, false)).toBe(true);
    timelineVisibilityStore.getState().allTimelinesCollapsed(300);
    expect(timelineOpen(own, timelineVisibilityStore.getState().every, { createdAt: 50 }, false)).toBe(false);
  });
});
