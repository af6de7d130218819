import { describe, expect, it } from "vitest";
import type { MessageHit } from "./message-search";
import { optionKey, optionSession, searchOptions } from "./search-options";
import { placeholderRow, type SessionRow } from "./session-row";

const row = (key: string, title: string): SessionRow => ({ ...placeholderRow(key), title });
const hit = (sessionKey: string, messageId: string): MessageHit => ({ sessionKey, sessionId: "s", messageId, role: "user", snippet: "…", score: 1 });

describe("searchOptions", () => {
  const listed = [row("agent:main:plans", "Trip plans"), row("agent:main:notes", "Notes")];

  it("lists the name matches first, then the messages, each message named by its session as the list names it", () => {
    const options = searchOptions([listed[0]!], [hit("agent:main:notes", "m1"), hit("agent:main:plans", "m2")], listed);
    expect(options.map((option) => (option.kind === "session" ? `session ${option.row.title}` : `message ${option.session.title} ${option.hit.messageId}`))).toEqual([
      "session Trip plans",
      "message Notes m1",
      "message Trip plans m2",
    ]);
  });

  it("names a session outside the list by the search's own row, else by its key", () => {
    const options = searchOptions([], [hit("agent:helper:far", "m1"), hit("agent:main:gone", "m2")], listed, [row("agent:helper:far", "Far away")]);
    expect(options.map((option) => (option.kind === "message" ? option.session.title : ""))).toEqual(["Far away", "gone"]);
  });

  it("prefers the list's name to the search's for a session in both", () => {
    const options = searchOptions([], [hit("agent:main:notes", "m1")], listed, [row("agent:main:notes", "Old name")]);
    expect(options[0]?.kind === "message" && options[0].session.title).toBe("Notes");
  });

  it("gives each choice a distinct id and the session it opens", () => {
    const options = searchOptions([listed[1]!], [hit("agent:main:notes", "m1"), hit("agent:main:notes", "m2")], listed);
    expect(options.map(optionKey)).toEqual(["session:agent:main:notes", "message:agent:main:notes:m1", "message:agent:main:notes:m2"]);
    expect(options.map(optionSession)).toEqual(["agent:main:notes", "agent:main:notes", "agent:main:notes"]);
  });
});
