// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { placeholderRow, type SessionRow } from "../model/session-row";
import { SessionRowItem } from "./session-row-item";

function renderRow(row: SessionRow) {
  const noop = () => {};
  render(<SessionRowItem row={row} active={false} unread={false} onSelect={noop} onPin={noop} onRename={() => Promise.resolve(true)} onReset={noop} onDelete={noop} />);
  return screen.getByRole("button", { name: new RegExp(`^${row.title}`) });
}

afterEach(cleanup);

describe("SessionRowItem badges", () => {
  const base = { ...placeholderRow("agent:main:work"), title: "Work" };

  it("says a stopped last run was stopped, not that it failed", () => {
    expect(renderRow({ ...base, lastRunStopped: true }).textContent).toBe("Workstoppedwork");
  });

  it("says a failed last run failed", () => {
    expect(renderRow({ ...base, lastRunFailed: true }).textContent).toBe("Worklast run failedwork");
  });
});
