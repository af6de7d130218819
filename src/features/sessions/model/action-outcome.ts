/**
 * What the user reads after acting on a session: the gateway's confirmation, its refusal in its own words, or,
 * when no answer came, that the result is not known (the list is read again, so it shows the truth either way).
 */

/** What the user asked for, with the words to report it in. */
export type SessionCommand =
  | { kind: "create"; agentId: string; agentName: string }
  | { kind: "rename"; key: string; title: string; label: string | null }
  | { kind: "pin"; key: string; title: string; pinned: boolean }
  | { kind: "reset"; key: string; title: string }
  | { kind: "delete"; key: string; title: string };

/** How a request ended when it did not succeed. */
export type ActionFailure = { kind: "refused"; message: string } | { kind: "no-answer"; message: string };

export interface ActionOutcome {
  tone: "ok" | "error";
  text: string;
}

function attempted(action: SessionCommand): string {
  switch (action.kind) {
    case "create":
      return `create a session with ${action.agentName}`;
    case "rename":
      return action.label === null ? `clear the name of “${action.title}”` : `rename “${action.title}”`;
    case "pin":
      return `${action.pinned ? "pin" : "unpin"} “${action.title}”`;
    case "reset":
      return `reset “${action.title}”`;
    case "delete":
      return `delete “${action.title}”`;
  }
}

/** `deleted`: the gateway's own answer to a delete (false = it had no such session). */
export function describeSuccess(action: SessionCommand, answer: { deleted?: boolean } = {}): ActionOutcome {
  switch (action.kind) {
    case "create":
      return { tone: "ok", text: `Created a session with ${action.agentName}.` };
    case "rename":
      return { tone: "ok", text: action.label === null ? `Cleared the name of “${action.title}”.` : `Renamed “${action.title}” to “${action.label}”.` };
    case "pin":
      return { tone: "ok", text: action.pinned ? `Pinned “${action.title}”.` : `Unpinned “${action.title}”.` };
    case "reset":
      return { tone: "ok", text: `Reset “${action.title}”: its transcript starts empty.` };
    case "delete":
      return answer.deleted === false
        ? { tone: "error", text: `The gateway had no session “${action.title}” to delete.` }
        : { tone: "ok", text: `Deleted “${action.title}”.` };
  }
}

export function describeFailure(action: SessionCommand, failure: ActionFailure): ActionOutcome {
  const what = attempted(action);
  if (failure.kind === "refused") return { tone: "error", text: `Could not ${what}: the gateway said “${failure.message}”.` };
  return {
    tone: "error",
    text: `No answer to the request to ${what} (${failure.message}). Whether it happened is not known; the list is read again and shows what the gateway holds.`,
  };
}
