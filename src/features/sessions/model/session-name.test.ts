import { describe, expect, it } from "vitest";
import { splitNameTail } from "./session-name";

describe("splitNameTail", () => {
  it("keeps the distinguishing end apart from the part that may shrink, starting it at a separator", () => {
    expect(splitNameTail("chat-202612011417-ab3f")).toEqual({ head: "chat-202612011417", tail: "-ab3f" });
    expect(splitNameTail("chat-202612011417-x9k2")).toEqual({ head: "chat-202612011417", tail: "-x9k2" });
  });

  it("never starts the tail inside a word when a word boundary is within 12 characters of the end", () => {
    expect(splitNameTail("Review six steer session with a very long description oidb97")).toEqual({
      head: "Review six steer session with a very long description",
      tail: " oidb97",
    });
    expect(splitNameTail("Quarterly report draft for the team mx508nym north")).toEqual({
      head: "Quarterly report draft for the team mx508nym",
      tail: " north",
    });
  });

  it("takes the boundary nearest 8 characters from the end, the longer tail on a tie", () => {
    expect(splitNameTail("Notes on the a b c d e f g")).toEqual({ head: "Notes on the a b c", tail: " d e f g" });
    expect(splitNameTail("Budget review xyz abcde")).toEqual({ head: "Budget review", tail: " xyz abcde" });
    expect(splitNameTail("Weekly planning for 2026 q4 go")).toEqual({ head: "Weekly planning for 2026", tail: " q4 go" });
  });

  it("keeps the last 8 characters when no word ends near the end", () => {
    expect(splitNameTail("agent-session-abcdefghijklmnopqrstuvwxyz")).toEqual({ head: "agent-session-abcdefghijklmnopqr", tail: "stuvwxyz" });
  });

  it("never splits an emoji in two", () => {
    expect(splitNameTail("🦞🦞🦞🦞🦞🦞🦞🦞🦞🦞🦞")).toEqual({ head: "🦞🦞🦞", tail: "🦞🦞🦞🦞🦞🦞🦞🦞" });
  });

  it("does not split a short name", () => {
    expect(splitNameTail("Plans 2026")).toEqual({ head: "", tail: "Plans 2026" });
    expect(splitNameTail("main")).toEqual({ head: "", tail: "main" });
  });

  it("takes the tail length it is given", () => {
    expect(splitNameTail("abcdefghij", 3)).toEqual({ head: "abcdefg", tail: "hij" });
  });
});
