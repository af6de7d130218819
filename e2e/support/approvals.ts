/** An exec approval from the real gateway: the scripted provider's command, and the gateway's own list of pending ones. */
import { expect, type Page } from "@playwright/test";
import { gatewayCall } from "./gateway-admin";

/** What the scripted provider's fake:approval cue runs; `/exec ask=always` makes the gateway ask first. */
export const COMMAND = "echo approved-by-operator && uname -s";
export const ASK_FIRST = "/exec ask=always Please run the check. fake:approval";

export interface ListedApproval {
  id: string;
  request: { command: string; sessionKey?: string };
}

/** The session's approval the gateway itself holds, once it does (the run takes a while to reach its exec). */
async function listedApproval(sessionKey: string): Promise<ListedApproval | undefined> {
  const list = await gatewayCall<ListedApproval[]>("exec.approval.list", {});
  return list.find((approval) => approval.request.sessionKey === sessionKey);
}

/** Waits until the gateway itself holds the session's approval. */
export async function gatewayPendingApproval(sessionKey: string): Promise<ListedApproval> {
  let found: ListedApproval | undefined;
  await expect
    .poll(
      async () => {
        found = await listedApproval(sessionKey);
        return found?.request.command;
      },
      { timeout: 90_000, intervals: [250] },
    )
    .toBe(COMMAND);
  if (!found) throw new Error("no pending approval");
  return found;
}

/** Whether the gateway still holds an approval for the session: false once a decision reached it. */
export async function gatewayStillPending(sessionKey: string): Promise<boolean> {
  return (await listedApproval(sessionKey)) !== undefined;
}

export function pendingApprovals(page: Page) {
  return page.getByRole("region", { name: "Pending approvals" });
}
