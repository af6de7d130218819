import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { groupSteps, type StepGroup } from "../model/group-steps";
import type { TimelineStep } from "../model/run-timeline";
import { StepRow } from "./step-row";

/** Beyond this many rows the list is virtualized, so a 5,000-event run scrolls and expands smoothly. */
const VIRTUALIZE_AFTER = 150;

function GroupRow({ group, startAt }: { group: StepGroup; startAt: number }) {
  const [open, setOpen] = useState(group.kind === "tool-group" && group.steps.some((step) => step.status === "running"));
  if (group.kind === "single") return <StepRow step={group.step} startAt={startAt} />;
  return (
    <div className="flex flex-col gap-1.5">
      <button type="button" aria-expanded={open} onClick={() => setOpen((v) => !v)} className="flex items-center gap-2 text-left text-sm">
        <span className="w-12 shrink-0" />
        <span aria-hidden className="text-ink-3">{open ? "▾" : "▸"}</span>
        <span className="font-medium">{group.summary.replace(/^./, (c) => c.toUpperCase())}</span>
      </button>
      {open && (
        <ul className="ml-4 flex flex-col gap-1.5 border-l border-line pl-2">
          {group.steps.map((step) => (
            <li key={step.id}>
              <StepRow step={step} startAt={startAt} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function VirtualList({ groups, startAt }: { groups: StepGroup[]; startAt: number }) {
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render; nothing memoizes it
  const virtualizer = useVirtualizer({ count: groups.length, getScrollElement: () => parent.current, estimateSize: () => 26, overscan: 12 });
  return (
    <div ref={parent} className="max-h-[32rem] overflow-auto" tabIndex={0} aria-label={`${groups.length} timeline rows`}>
      <ul style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const group = groups[item.index];
          if (!group) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` }}
              className="py-0.5"
            >
              <GroupRow group={group} startAt={startAt} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function TimelineSteps({ steps, startAt }: { steps: readonly TimelineStep[]; startAt: number }) {
  const groups = useMemo(() => groupSteps(steps), [steps]);
  if (groups.length === 0) return <p className="text-xs text-ink-3">No steps yet.</p>;
  if (groups.length > VIRTUALIZE_AFTER) return <VirtualList groups={groups} startAt={startAt} />;
  return (
    <ul className="flex flex-col gap-1.5">
      {groups.map((group) => (
        <li key={group.kind === "single" ? group.step.id : `group-${group.steps[0]?.id}`}>
          <GroupRow group={group} startAt={startAt} />
        </li>
      ))}
    </ul>
  );
}
