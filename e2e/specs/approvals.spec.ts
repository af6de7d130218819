import { expect, test } from "@playwright/test";
import { connectionStatus, lastTurn, openSession, sendMessage } from "../support/chat-page";
import { ASK_FIRST, COMMAND, gatewayPendingApproval, pendingApprovals } from "../support/approvals";
import { gatewayCall } from "../support/gateway-admin";

function clock(at: Date): string {
  return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
}

test("a command waiting for approval shows within 2 s with its exact text, again after a reload, and Allow once runs it", async ({ page }) => {
  const sessionKey = await openSession(page, "approve");
  await sendMessage(page, ASK_FIRST);
  await gatewayPendingApproval(sessionKey);

  const card = pendingApprovals(page).getByRole("region", { name: "Approval needed to run a command" });
  await expect(card.getByLabel("Command", { exact: true })).toHaveText(COMMAND, { timeout: 2_000 });
  await expect(card).toContainText("Directory");
  await expect(card).toContainText("Agentmain");
  await expect(card).toContainText("Hostgateway");
  await expect(card.getByRole("timer", { name: "Time left to decide" })).toHaveText(/^Expires in (29|30):\d\d$/);
  await expect(lastTurn(page).getByRole("region", { name: "Approval for this run" }).getByLabel("Command", { exact: true })).toHaveText(COMMAND);
  await expect(lastTurn(page).getByRole("status", { name: "Run status" })).toContainText("Waiting for your approval");
  await expect(page.getByRole("navigation", { name: "Sessions" }).getByRole("button", { name: /approval needed/ })).toHaveAttribute("aria-current", "page");

  await page.reload();
  await expect(connectionStatus(page)).toContainText("Connected");
  await expect(card.getByLabel("Command", { exact: true })).toHaveText(COMMAND);
  await expect(lastTurn(page).getByRole("status", { name: "Run status" })).toContainText("Waiting for your approval");

  await card.getByRole("button", { name: "Allow once" }).click();
  await expect(pendingApprovals(page)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Allowed once: the command runs now." })).toContainText(COMMAND);
  await expect(lastTurn(page)).toContainText("Tool finished. Output: approved-by-operator Linux", { timeout: 60_000 });
  await expect(lastTurn(page).getByRole("region", { name: "Run timeline" })).toContainText("Completed");
});

test("Deny ends the run with the denied outcome: the command did not run", async ({ page }) => {
  const sessionKey = await openSession(page, "deny");
  await sendMessage(page, ASK_FIRST);
  await gatewayPendingApproval(sessionKey);

  const card = pendingApprovals(page).getByRole("region", { name: "Approval needed to run a command" });
  await expect(card.getByLabel("Command", { exact: true })).toHaveText(COMMAND, { timeout: 2_000 });
  // Keyboard: the decisions are reachable and labelled buttons.
  await card.getByRole("button", { name: "Deny" }).focus();
  const before = new Date();
  await page.keyboard.press("Enter");
  const after = new Date();
  await expect(pendingApprovals(page)).toHaveCount(0);

  const banner = lastTurn(page).getByRole("alert");
  await expect(banner).toContainText("Command denied", { timeout: 60_000 });
  const said = await banner.getByText(/^Denied at /).textContent();
  expect([`Denied at ${clock(before)} — the command did not run.`, `Denied at ${clock(after)} — the command did not run.`]).toContain(said);
});

test("an approval decided from another client disappears without a reload", async ({ page }) => {
  const gapReports: { sessionKey?: string; expected: number; received: number }[] = [];
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => {
      const frame = JSON.parse(String(payload)) as {
        event?: string;
        payload?: { sessionKey?: string; stream?: string; data?: { reason?: string; expected: number; received: number } };
      };
      const data = frame.payload?.data;
      if (frame.event !== "agent" || frame.payload?.stream !== "error" || data?.reason !== "seq gap") return;
      gapReports.push({ sessionKey: frame.payload.sessionKey, expected: data.expected, received: data.received });
    }),
  );
  const sessionKey = await openSession(page, "elsewhere");
  await sendMessage(page, ASK_FIRST);
  const pending = await gatewayPendingApproval(sessionKey);
  const card = pendingApprovals(page).getByRole("region", { name: "Approval needed to run a command" });
  await expect(card.getByLabel("Command", { exact: true })).toHaveText(COMMAND, { timeout: 2_000 });

  await gatewayCall("exec.approval.resolve", { id: pending.id, decision: "allow-once" });
  await expect(pendingApprovals(page)).toHaveCount(0, { timeout: 2_000 });
  await expect(lastTurn(page).getByRole("region", { name: "Approval for this run" })).toHaveCount(0);
  await expect(lastTurn(page)).toContainText("Tool finished. Output: approved-by-operator Linux", { timeout: 60_000 });

  // `/exec` makes the gateway number the run's events from 1 again, which it reports as a seq gap. The timeline is
  // held to the reports this page was actually sent: each in plain words, or no gap step when there was none.
  // The run must have ended first: a live timeline folds when its run ends unless the reader opened it.
  const timeline = lastTurn(page).getByRole("region", { name: "Run timeline" });
  await expect(timeline).toContainText("Completed");
  const toggle = lastTurn(page).getByRole("button", { name: /^Timeline/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const renumbered = timeline.getByRole("listitem").filter({ hasText: "event numbering" });
  const renumberings = gapReports.filter((gap) => gap.sessionKey === sessionKey && gap.received < gap.expected);
  if (renumberings.length > 0) {
    const { expected, received } = renumberings[0]!;
    await expect(renumbered).toContainText(`the gateway numbered this run's events from ${received} again (it expected ${expected}); no events were missed`);
  } else {
    await expect(renumbered).toHaveCount(0);
  }
  await expect(timeline).not.toContainText("never arrived");
});
