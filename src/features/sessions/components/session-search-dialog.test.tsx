// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { MessageHit } from "../model/message-search";
import type { MessageSearchState } from "../model/message-search-state";
import { placeholderRow, type SessionRow } from "../model/session-row";
import { SessionSearchDialog, type SessionSearchDialogProps } from "./session-search-dialog";
import { shimModalDialogs } from "@/testing/modal-dialog-shim";

beforeAll(shimModalDialogs);

afterEach(cleanup);

const row = (key: string, title: string): SessionRow => ({ ...placeholderRow(key), title });
const ROWS = [row("agent:main:quokka-notes", "Quokka notes"), row("agent:main:trip", "Trip plans")];
const hit = (sessionKey: string, messageId: string, snippet: string, extra: Partial<MessageHit> = {}): MessageHit => ({ sessionKey, sessionId: "s", messageId, role: "user", snippet, score: 1, ...extra });
const HOSTILE = hit("agent:main:trip", "m-hostile", 'Hostile <img src=x onerror="window.__pwned=1"> text quokka', { at: 1796153641790 });
const REPLY = hit("agent:main:far", "m-reply", "A quokka\nreply", { role: "assistant" });

function found(hits: MessageHit[]): MessageSearchState {
  return { status: "found", term: "quokka", hits, answer: { hits, reach: "every-agent", sessions: [row("agent:main:far", "Far session")], indexing: false, archivedExcluded: 0 } };
}

function Dialog(props: Partial<SessionSearchDialogProps> & { initialQuery?: string }) {
  const [query, setQuery] = useState(props.initialQuery ?? "");
  return (
    <SessionSearchDialog
      rows={ROWS}
      agents={[]}
      activeKey="agent:main:main"
      query={query}
      onQueryChange={setQuery}
      messages={{ status: "idle", tooShort: false }}
      saidAt={(at) => (at === undefined ? undefined : { short: "14:20", full: "Tuesday, 1 December 2026 at 14:20:41", iso: new Date(at).toISOString() })}
      onOpen={() => {}}
      onClose={() => {}}
      {...props}
    />
  );
}

const search = () => screen.getByRole("combobox", { name: "Session name or words in a message" });

describe("SessionSearchDialog", () => {
  it("keeps Tab and Shift+Tab going round its own controls, and Close closes it", () => {
    const onClose = vi.fn();
    render(<Dialog onClose={onClose} />);
    const close = screen.getByRole("button", { name: "Close" });
    act(() => search().focus());

    fireEvent.keyDown(search(), { key: "Tab" });
    // From the first control the browser's own order is right: nothing to do.
    act(() => close.focus());
    fireEvent.keyDown(close, { key: "Tab" });
    expect(document.activeElement).toBe(search());
    fireEvent.keyDown(search(), { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(close);

    // Focus that fell out of the controls (onto <body>) is brought back by the next Tab.
    act(() => close.blur());
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(screen.getByRole("dialog", { name: "Search sessions" }), { key: "Tab" });
    expect(document.activeElement).toBe(search());

    fireEvent.click(close);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("lists name matches and message matches in labelled groups, each message with its session, speaker, time and marked snippet", () => {
    render(<Dialog initialQuery="quokka" messages={found([HOSTILE, REPLY])} />);
    const list = screen.getByRole("listbox", { name: "Matches" });
    const sessions = within(list).getByRole("group", { name: "Sessions" });
    expect(within(sessions).getAllByRole("option").map((option) => option.textContent)).toEqual(["Quokka notesQuokka notesmain"]);
    const messages = within(list).getAllByRole("group", { name: "Messages" })[0]!;
    const [hostile, reply] = within(messages).getAllByRole("option") as [HTMLElement, HTMLElement];
    // The snippet: its text exactly as the gateway sent it, the term in a <mark>.
    expect(hostile.querySelector("mark")?.parentElement?.textContent).toBe('Hostile <img src=x onerror="window.__pwned=1"> text quokka');
    expect(within(hostile).getByTitle("Trip plans")).toBeTruthy();
    expect(within(hostile).getByText("14:20").getAttribute("title")).toBe("Tuesday, 1 December 2026 at 14:20:41");
    expect(hostile.textContent).toContain("You · 14:20");
    expect(within(reply).getByTitle("Far session")).toBeTruthy();
    expect(reply.textContent).toMatch(/mainA quokka reply$/);
    expect([...list.querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["quokka", "quokka"]);
  });

  it("renders hostile message text inert: no element from it, no script run", () => {
    render(<Dialog initialQuery="quokka" messages={found([HOSTILE])} />);
    const dialog = screen.getByRole("dialog", { name: "Search sessions" });
    expect(dialog.querySelector("img")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("moves through both groups with the arrow keys as one list, and Enter opens the highlighted message's session", () => {
    const onOpen = vi.fn();
    const onClose = vi.fn();
    render(<Dialog initialQuery="quokka" messages={found([HOSTILE, REPLY])} onOpen={onOpen} onClose={onClose} />);
    const selected = () => document.getElementById(search().getAttribute("aria-activedescendant") ?? "");
    expect(selected()?.textContent).toContain("Quokka notes");
    fireEvent.keyDown(search(), { key: "ArrowDown" });
    expect(selected()?.textContent).toContain("Hostile <img");
    expect(selected()?.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(search(), { key: "ArrowDown" });
    fireEvent.keyDown(search(), { key: "ArrowDown" });
    expect(selected()?.textContent).toContain("Quokka notes");
    fireEvent.keyDown(search(), { key: "ArrowUp" });
    expect(selected()?.textContent).toContain("A quokka reply");
    fireEvent.keyDown(search(), { key: "ArrowUp" });
    fireEvent.keyDown(search(), { key: "Enter" });
    expect(onOpen).toHaveBeenCalledWith("agent:main:trip", HOSTILE);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("keeps a choice highlighted when a new answer has fewer messages than the highlighted one's place", () => {
    const onOpen = vi.fn();
    const { rerender } = render(<Dialog initialQuery="quokka" messages={found([HOSTILE, REPLY])} onOpen={onOpen} />);
    fireEvent.keyDown(search(), { key: "ArrowUp" });
    expect(document.getElementById(search().getAttribute("aria-activedescendant") ?? "")?.textContent).toContain("A quokka reply");
    rerender(<Dialog initialQuery="quokka" messages={found([HOSTILE])} onOpen={onOpen} />);
    const selected = document.getElementById(search().getAttribute("aria-activedescendant") ?? "");
    expect(selected?.textContent).toContain("Hostile <img");
    expect(selected?.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(search(), { key: "Enter" });
    expect(onOpen).toHaveBeenCalledWith("agent:main:trip", HOSTILE);
  });

  it("says in words what message search is doing, and an error as an alert", () => {
    const { rerender } = render(<Dialog initialQuery="quokka" messages={{ status: "searching", term: "quokka" }} />);
    expect(screen.getByRole("status").textContent).toBe("Searching messages for “quokka”…");
    expect(screen.queryByRole("group", { name: "Messages" })).toBeNull();
    rerender(<Dialog initialQuery="quokka" messages={{ status: "unsupported", said: "unknown method: sessions.search" }} />);
    expect(screen.getByRole("status").textContent).toBe("This gateway can't search messages (it answered “unknown method: sessions.search”); session names still match.");
    // Names still match.
    expect(within(screen.getByRole("group", { name: "Sessions" })).getAllByRole("option")).toHaveLength(1);
    rerender(<Dialog initialQuery="quokka" messages={{ status: "error", message: "gateway draining" }} />);
    expect(screen.getByRole("alert").textContent).toBe("Searching messages failed: gateway draining");
  });

  it("says when no session name matches, while messages may still", () => {
    render(<Dialog initialQuery="wombat" messages={{ status: "no-matches", term: "wombat", answer: { hits: [], reach: "every-agent", sessions: [], indexing: false, archivedExcluded: 0 } }} />);
    expect(screen.getByText("No session name matches “wombat”.")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("No message has the word “wombat”.");
    expect(screen.getByRole("listbox", { name: "Matches" }).querySelectorAll('[role="option"]')).toHaveLength(0);
  });
});
