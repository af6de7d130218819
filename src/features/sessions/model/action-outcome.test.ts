import { describe, expect, it } from "vitest";
import { describeFailure, describeSuccess } from "./action-outcome";

describe("action outcomes", () => {
  it("confirms each action in the user's words", () => {
    expect(describeSuccess({ kind: "create", agentId: "helper", agentName: "Helper" })).toEqual({ tone: "ok", text: "Created a session with Helper." });
    expect(describeSuccess({ kind: "rename", key: "k", title: "chat-1", label: "Plans" }).text).toBe("Renamed “chat-1” to “Plans”.");
    expect(describeSuccess({ kind: "rename", key: "k", title: "Plans", label: null }).text).toBe("Cleared the name of “Plans”.");
    expect(describeSuccess({ kind: "pin", key: "k", title: "Plans", pinned: false }).text).toBe("Unpinned “Plans”.");
    expect(describeSuccess({ kind: "reset", key: "k", title: "Plans" }).text).toBe("Reset “Plans”: its transcript starts empty.");
    expect(describeSuccess({ kind: "delete", key: "k", title: "Plans" }, { deleted: true })).toEqual({ tone: "ok", text: "Deleted “Plans”." });
  });

  it("does not call a delete done when the gateway says it had nothing to delete", () => {
    expect(describeSuccess({ kind: "delete", key: "k", title: "Plans" }, { deleted: false })).toEqual({ tone: "error", text: "The gateway had no session “Plans” to delete." });
  });

  it("quotes a refusal and admits not knowing when no answer came", () => {
    expect(describeFailure({ kind: "delete", key: "agent:main:main", title: "main" }, { kind: "refused", message: "Cannot delete the main session (agent:main:main)." })).toEqual({
      tone: "error",
      text: "Could not delete “main”: the gateway said “Cannot delete the main session (agent:main:main).”.",
    });
    expect(describeFailure({ kind: "pin", key: "k", title: "Plans", pinned: true }, { kind: "no-answer", message: "request timed out" }).text).toBe(
      "No answer to the request to pin “Plans” (request timed out). Whether it happened is not known; the list is read again and shows what the gateway holds.",
    );
  });
});
