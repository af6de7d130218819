import { expect, test, type Page } from "@playwright/test";
import { connectionStatus, sendMessage, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

const FIRST = "Count slowly. fake:slowtool";
const QUEUED = "Also, when done, say hi.";
const QUEUED_NOTE = "Queued behind the reply already running: its answer will show here.";
// Which of the two the gateway's word leads to (its pending input cancelled, or gone from an idle session).
const DROPPED_NOTE = /^Not answered: the gateway (cleared it from the queue when the session was stopped|no longer holds it and nothing is running \(its queue was cleared or the session reset\))\. Send it again to get an answer\.$/;
const ANSWER_START = "Hello! I'm the scripted model that ships with Clawscope.";
const ANSWER = `Hello! I'm the scripted model that ships with Clawscope. You said: “${QUEUED}”. Add a cue such as fake:tool or fake:429x2 to your message to script a scenario.`;

// In followup mode a message sent while a reply runs is queued by the gateway and answered by a run of its own
// id, which the message does not name: its answer belongs under it, once, not under a turn of its own. (In the
// default steer mode the gateway may instead fold the message into the running reply; that case is not this.)
test("a message queued behind a running reply (followup mode) gets its answer under it, once, live and in a fresh browser", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const sessionKey = uniqueSession("queued");
  await gatewayCall("sessions.patch", { key: sessionKey, label: `Queued ${sessionKey.slice(-8)}` });
  await gatewayCall("chat.send", { sessionKey, message: "/queue followup", idempotencyKey: `queue-mode-${sessionKey}`, deliver: false });
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  const turns = transcript(page).getByRole("article");
  await expect(turns.first()).toContainText("⚙️ Queue mode set to followup.", { timeout: 30_000 });

  await sendMessage(page, FIRST);
  const firstTurn = transcript(page).getByRole("article", { name: `Turn: ${FIRST}` });
  await expect(firstTurn.getByRole("status", { name: "Run status" })).toBeVisible({ timeout: 30_000 });
  await sendMessage(page, QUEUED);

  const queuedTurn = transcript(page).getByRole("article", { name: `Turn: ${QUEUED}` });
  // Live, sampled until its answer shows: the queued message says it waits, never "No reply" for its closed run id.
  const samples: string[] = [];
  const deadline = Date.now() + 90_000;
  while (!(await queuedTurn.getByText(ANSWER, { exact: true }).isVisible())) {
    if (Date.now() > deadline) throw new Error(`no answer under the queued message within 90 s; samples: ${JSON.stringify(samples)}`);
    const shown = (await transcript(page).textContent()) ?? "";
    expect(shown, "the transcript while a reply runs").not.toContain("No reply");
    const note = queuedTurn.getByRole("note", { name: "How this message is answered" });
    samples.push((await note.isVisible()) ? ((await note.textContent({ timeout: 1_000 }).catch(() => null)) ?? "(gone)") : "(none)");
    // The run that answers it shows under it from its start: never as a turn of its own, never below a "Queued" note.
    expect(await turns.count(), "the turns while the queued message is answered").toBeLessThanOrEqual(3);
    if (shown.includes(ANSWER_START)) {
      expect((await queuedTurn.textContent()) ?? "", "the queued message's turn once its answer streams").toContain(ANSWER_START);
      samples.push(`answering: ${(await note.isVisible()) ? "note still shown" : "no note"}`);
    }
    await page.waitForTimeout(250);
  }
  expect(samples.filter((sample) => sample === QUEUED_NOTE).length, JSON.stringify(samples)).toBeGreaterThanOrEqual(3);
  for (const sample of samples) expect([QUEUED_NOTE, "(none)", "(gone)", "answering: no note"], JSON.stringify(samples)).toContain(sample);
  await expect(queuedTurn).toContainText(ANSWER, { timeout: 90_000 });
  await expect(firstTurn).toContainText("Tool finished. Output: step 1 step 2 step 3 step 4 step 5 step 6 step 7 step 8");
  // Settled: the mode command's turn and the two messages' turns, the answer shown once.
  await expect(turns).toHaveCount(3, { timeout: 30_000 });
  await expect(transcript(page).getByText(ANSWER, { exact: true })).toHaveCount(1);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(transcript(fresh).getByRole("article", { name: `Turn: ${QUEUED}` })).toContainText(ANSWER, { timeout: 60_000 });
  await expect(transcript(fresh).getByRole("article")).toHaveCount(3);
  await expect(transcript(fresh).getByText(ANSWER, { exact: true })).toHaveCount(1);
});

/** A new followup-mode session whose first message runs the slow tool (eight seconds): a message sent now is queued. */
async function startFollowupSlowTool(page: Page, name: string): Promise<{ sessionKey: string }> {
  const sessionKey = uniqueSession(name.toLowerCase().replaceAll(" ", "-"));
  await gatewayCall("sessions.patch", { key: sessionKey, label: `${name} ${sessionKey.slice(-8)}` });
  await gatewayCall("chat.send", { sessionKey, message: "/queue followup", idempotencyKey: `queue-mode-${sessionKey}`, deliver: false });
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await expect(transcript(page).getByText("⚙️ Queue mode set to followup.")).toBeVisible({ timeout: 30_000 });
  await sendMessage(page, FIRST);
  const firstTurn = transcript(page).getByRole("article", { name: `Turn: ${FIRST}` });
  await expect(firstTurn.getByRole("region", { name: "Run timeline" }).getByRole("button", { name: /exec/ })).toContainText("running", { timeout: 60_000 });
  return { sessionKey };
}

// A queued message the gateway drops (here the whole session is stopped, as `/stop` or another client does) will never
// be answered: it says so instead of waiting "behind the reply already running" forever.
test("a queued message dropped by stopping the session says it was not answered, live and in a fresh browser", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { sessionKey } = await startFollowupSlowTool(page, "Queued dropped");
  await sendMessage(page, QUEUED);
  const queuedTurn = transcript(page).getByRole("article", { name: `Turn: ${QUEUED}` });
  const note = queuedTurn.getByRole("note", { name: "How this message is answered" });
  await expect(note).toHaveText(QUEUED_NOTE, { timeout: 30_000 });
  await gatewayCall("chat.abort", { sessionKey });

  // Sampled from the Stop on: "Queued" gives way to the end state and never comes back; no answer ever shows.
  const samples: string[] = [];
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    samples.push((await note.isVisible()) ? ((await note.textContent({ timeout: 1_000 }).catch(() => null)) ?? "(gone)") : "(none)");
    await page.waitForTimeout(250);
  }
  const settledAt = samples.findIndex((sample) => sample.startsWith("Not answered"));
  expect(settledAt, JSON.stringify(samples)).toBeGreaterThanOrEqual(0);
  expect(samples.slice(settledAt).every((sample) => sample === samples[settledAt]), JSON.stringify(samples)).toBe(true);
  expect(samples[settledAt]).toMatch(DROPPED_NOTE);
  await expect(transcript(page).getByText(ANSWER_START)).toHaveCount(0);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(fresh)).toContainText("Connected", { timeout: 60_000 });
  await expect(transcript(fresh).getByRole("article", { name: `Turn: ${FIRST}` })).toBeVisible({ timeout: 30_000 });
  await expect(transcript(fresh).getByText(ANSWER_START)).toHaveCount(0);
  await expect(transcript(fresh).getByText(QUEUED_NOTE)).toHaveCount(0);
});
