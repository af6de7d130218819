import { describe, expect, it } from "vitest";
import { parseChatHistory, tailLimit, tailStartsAt } from "./chat-history-query";

describe("where the tail sits in the session", () => {
  it("starts at total − nextOffset when there is more, at 0 when it reaches the first message", () => {
    expect(tailStartsAt({ hasMore: true, nextOffset: 200, totalMessages: 2_000 })).toBe(1_800);
    expect(tailStartsAt({ hasMore: false, totalMessages: 12 })).toBe(0);
    expect(tailStartsAt({ hasMore: true, nextOffset: 200 })).toBeUndefined();
  });

  it("is read from the real chat.history payload", () => {
    expect(parseChatHistory("s", { messages: [], hasMore: true, nextOffset: 200, totalMessages: 1_400 }).page).toEqual({ hasMore: true, nextOffset: 200, totalMessages: 1_400 });
  });
});

describe("tailLimit", () => {
  it("asks for 200 rows when no older page is shown", () => {
    expect(tailLimit(undefined, undefined)).toBe(200);
    expect(tailLimit(2_000, undefined)).toBe(200);
  });

  it("reaches back to the older pages shown, with room for what arrived since, up to the gateway's 1,000", () => {
    expect(tailLimit(2_000, 1_800)).toBe(250);
    expect(tailLimit(2_000, 1_700)).toBe(350);
    expect(tailLimit(5_000, 1_000)).toBe(1_000);
  });
});
