import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import WebSocket from "ws";
import { lastTurn, openSession, sendMessage } from "../support/chat-page";
import { backendConnectFrame, gatewayCall } from "../support/gateway-admin";

function runTimeline(page: Page) {
  return lastTurn(page).getByRole("region", { name: "Run timeline" });
}

function runLogLines(page: Page) {
  return lastTurn(page).getByRole("list", { name: "Gateway log lines for this run" });
}

/**
 * A client with a wrong gateway token whose User-Agent carries a secret: the
 * gateway logs the failed handshake (warn) with the user agent verbatim, which
 * is how a token really ends up in a gateway log line.
 */
async function failedConnectWithUserAgent(userAgent: string): Promise<void> {
  const url = process.env.CLAWSCOPE_E2E_GATEWAY_URL;
  if (!url) throw new Error("global-setup did not publish the e2e gateway URL");
  const socket = new WebSocket(url, { headers: { "User-Agent": userAgent } });
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 15_000);
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { type: string; event?: string };
      if (frame.type !== "event" || frame.event !== "connect.challenge") return;
      socket.send(backendConnectFrame("0".repeat(48), ["operator.read"]));
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.on("error", () => undefined);
  });
}

async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

test("a finished tool run's gateway log lines are one click away and include the tool's execution", async ({ page }) => {
  await openSession(page, "logs-tool");
  await sendMessage(page, "Run a quick command. fake:tool");
  await expect(runTimeline(page).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });

  const logsButton = runTimeline(page).getByRole("button", { name: "Gateway logs" });
  await expect(logsButton).toHaveAttribute("aria-expanded", "false");
  await logsButton.click();
  await expect(logsButton).toHaveAttribute("aria-expanded", "true");

  // The run's window can also hold the last lines of the run before it (another test's): count this run's own.
  const runId = await lastTurn(page).getAttribute("data-run-id");
  const toolLines = runLogLines(page).getByRole("listitem").filter({ hasText: new RegExp(`embedded run tool (start|end): runId=${runId} tool=exec`) });
  await expect(toolLines).toHaveCount(2, { timeout: 30_000 });
  await expect(toolLines.first()).toContainText("this run");

  // Filtering by level hides the debug lines the tool's execution is logged at.
  await lastTurn(page).getByRole("combobox", { name: "Minimum level" }).selectOption("warn");
  await expect(toolLines).toHaveCount(0);
  await lastTurn(page).getByRole("combobox", { name: "Minimum level" }).selectOption("all");
  await lastTurn(page).getByRole("searchbox", { name: "Filter log lines" }).fill(`tool end: runId=${runId}`);
  await expect(runLogLines(page).getByRole("listitem")).toHaveCount(1);
  await expect(runLogLines(page)).toContainText("tool=exec");
});

test("a token in a gateway log line never reaches the screen or the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const secret = randomBytes(24).toString("hex");
  await openSession(page, "logs-secret");
  await sendMessage(page, "Count slowly. fake:slowtool");
  await expect(lastTurn(page).getByRole("status", { name: "Run status" })).toContainText(/using exec/i, { timeout: 60_000 });
  await failedConnectWithUserAgent(`clawscope-e2e-probe/1.0 key=${secret}`);

  // The gateway passes it through unmasked, so only Clawscope's masking stands between it and the screen.
  const tail = await gatewayCall<{ lines: string[] }>("logs.tail", { limit: 5000, maxBytes: 1_000_000 });
  expect(tail.lines.some((line) => line.includes(secret))).toBe(true);

  // Opened while the run is live, the panel follows the log and shows the failed handshake.
  await runTimeline(page).getByRole("button", { name: "Gateway logs" }).click();
  const probeLines = runLogLines(page).getByRole("listitem").filter({ hasText: "clawscope-e2e-probe/1.0" });
  await expect(probeLines.first()).toBeVisible({ timeout: 30_000 });
  await expect(probeLines.first()).toContainText("key=‹redacted›");
  await expect(runTimeline(page).getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });

  await lastTurn(page).getByRole("button", { name: "Copy report" }).click();
  await expect(lastTurn(page).getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await clipboardText(page)).not.toContain(secret);
  await expect(lastTurn(page).getByRole("button", { name: "Copy report" })).toBeVisible();

  await lastTurn(page).getByRole("searchbox", { name: "Filter log lines" }).fill("clawscope-e2e-probe");
  await lastTurn(page).getByRole("button", { name: "Copy lines" }).click();
  await expect(lastTurn(page).getByRole("button", { name: "Copied" })).toBeVisible();
  const copiedLines = await clipboardText(page);
  expect(copiedLines).toContain("clawscope-e2e-probe/1.0");
  expect(copiedLines).not.toContain(secret);

  // The whole gateway's log, one step from the header, masks it too.
  await page.getByRole("banner").getByRole("button", { name: "Gateway logs" }).click();
  const dialog = page.getByRole("dialog", { name: "Gateway logs" });
  await dialog.getByRole("searchbox", { name: "Filter log lines" }).fill("clawscope-e2e-probe");
  await expect(dialog.getByRole("list", { name: "Gateway log lines" }).getByRole("listitem").first()).toContainText("key=‹redacted›");
  await dialog.getByRole("button", { name: "Copy lines" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await clipboardText(page)).not.toContain(secret);

  const pageText = await page.evaluate(() => document.documentElement.textContent ?? "");
  expect(pageText).toContain("clawscope-e2e-probe/1.0");
  expect(pageText).not.toContain(secret);
});
