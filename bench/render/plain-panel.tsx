/**
 * The render benches' baseline: a run's rows as plain text lines in a plain
 * <ul>, in the same panel chrome and scroll box as RunPanel, nothing virtualized.
 */
import { formatDuration } from "@/features/runs/model/format-duration";
import { groupSteps, type StepGroup } from "@/features/runs/model/group-steps";
import type { TimelineStep } from "@/features/runs/model/run-timeline";
import { useState } from "react";

function describe(step: TimelineStep): string {
  switch (step.kind) {
    case "tool":
      return `${step.name} ${step.title ?? ""} · ${step.status}`;
    case "text":
    case "thinking":
      return step.text.slice(0, 160);
    case "lifecycle":
      return step.label;
    default:
      return step.kind;
  }
}

function rowText(group: StepGroup, startAt: number): string {
  const first = group.kind === "single" ? group.step : group.steps[0];
  const offset = `+${formatDuration(Math.max(0, (first?.at ?? startAt) - startAt))}`;
  return group.kind === "single" ? `${offset} ${group.step.kind} ${describe(group.step)}` : `${offset} ${group.summary}`;
}

/** A timeline's rows (its grouped steps) as text lines. */
export function timelineRows(steps: readonly TimelineStep[], startAt: number): string[] {
  return groupSteps(steps).map((group) => rowText(group, startAt));
}

export function PlainPanel({ rows, initiallyOpen }: { rows: readonly string[]; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <section aria-label="Plain timeline" className="flex flex-col gap-2 self-start rounded-xl border border-line bg-surface p-2.5 shadow-sm">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="text-left text-sm font-medium">
        Timeline · {rows.length} rows
      </button>
      {open && (
        <div data-scroller style={{ maxHeight: "32rem", overflow: "auto" }} className="border-t border-line pt-2">
          <ul className="flex flex-col gap-1.5">
            {rows.map((row, index) => (
              <li key={index} className="text-sm">
                {row}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
