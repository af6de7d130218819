import { expect, test, type Locator, type Page } from "@playwright/test";
import { connectionStatus, sendMessage, sharedStart, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

const FIRST = "Count slowly. fake:slowtool";
const STEERED = "Also, when done, say hi.";
// The scripted model answers the newest user text; after the tool the newest is the steered message.
const ANSWER = `Hello! I'm the scripted model that ships with Clawscope. You said: “${STEERED}”. Add a cue such as fake:tool or fake:429x2 to your message to script a scenario.`;
const STEERED_NOTE = "Steered into the reply already running · Completed. Its timeline is under the message that started it.";
const QUEUED_NOTE = "Queued behind the reply already running: its answer will show here.";
const STEERED_WAITING_NOTE = "Steered into the reply already running: its answer will show here when it comes. Its timeline is under the message that started it.";
const FIRST_NOTE = "The reply went on to answer the message you sent while it ran: see below.";
const SAMPLE_EVERY_MS = 250;

/** What the reader sees at the end, live or from history alone: the answer under the steered message, once; one timeline. */
async function expectSettled(page: Page) {
  const firstTurn = transcript(page).getByRole("article", { name: `Turn: ${FIRST}` });
  const steeredTurn = transcript(page).getByRole("article", { name: `Turn: ${STEERED}` });
  await expect(steeredTurn).toContainText(ANSWER, { timeout: 60_000 });
  await expect(steeredTurn.getByRole("note", { name: "How this message is answered" })).toHaveText(STEERED_NOTE);
  await expect(transcript(page).getByRole("article")).toHaveCount(2);
  await expect(transcript(page).getByText(ANSWER, { exact: true })).toHaveCount(1);
  await expect(firstTurn.getByText(FIRST_NOTE, { exact: true })).toBeVisible();
  await expect(transcript(page).getByRole("region", { name: "Run timeline" })).toHaveCount(1);
  await expect(firstTurn.getByRole("region", { name: "Run timeline" })).toHaveCount(1);
  await expect(transcript(page).getByText(/No reply/)).toHaveCount(0);
}

/** A new session running FIRST's slow tool: a message sent now waits for the tool's end and then goes into the same run. */
async function startSlowTool(page: Page, name: string, label: string): Promise<{ sessionKey: string; firstTurn: Locator }> {
  const sessionKey = uniqueSession(name);
  await gatewayCall("sessions.patch", { key: sessionKey, label: `${label} ${sessionKey.slice(-8)}` });
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await sendMessage(page, FIRST);
  const firstTurn = transcript(page).getByRole("article", { name: `Turn: ${FIRST}` });
  await expect(firstTurn.getByRole("region", { name: "Run timeline" }).getByRole("button", { name: /exec/ })).toContainText("running", { timeout: 60_000 });
  return { sessionKey, firstTurn };
}

// In the default steer mode a message sent while a reply runs is put into that reply at its next boundary (after the
// running tool): the one run answers it. The answer belongs under that message, and nothing may say "No reply".
test("a message steered into the running reply (default mode) shows its answer under it, once, live and in a fresh browser", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { sessionKey } = await startSlowTool(page, "steered", "Steered");
  await sendMessage(page, STEERED);
  const steeredTurn = transcript(page).getByRole("article", { name: `Turn: ${STEERED}` });
  await expect(steeredTurn).toBeVisible();

  // Live, sampled until the answer is under the steered message: never "No reply", never a second timeline.
  const samples: string[] = [];
  const deadline = Date.now() + 90_000;
  while (!(await steeredTurn.getByText(ANSWER, { exact: true }).isVisible())) {
    if (Date.now() > deadline) throw new Error(`no answer under the steered message within 90 s; samples: ${JSON.stringify(samples)}`);
    const shown = (await transcript(page).textContent()) ?? "";
    const note = steeredTurn.getByRole("note", { name: "How this message is answered" });
    samples.push((await note.isVisible()) ? ((await note.textContent({ timeout: 1_000 }).catch(() => null)) ?? "(gone)") : "(none)");
    expect(shown, "the transcript while the run is live").not.toContain("No reply");
    expect(await transcript(page).getByRole("region", { name: "Run timeline" }).count()).toBeLessThanOrEqual(1);
    await page.waitForTimeout(SAMPLE_EVERY_MS);
  }
  // Several moments seen while the tool ran (it prints for eight seconds), not one lucky read: the message said it
  // waits for the running reply, and at no moment anything but the words of its way to an answer.
  expect(samples.filter((sample) => sample === QUEUED_NOTE).length, JSON.stringify(samples)).toBeGreaterThanOrEqual(3);
  for (const sample of samples) expect([QUEUED_NOTE, STEERED_WAITING_NOTE, STEERED_NOTE, "(none)", "(gone)"], JSON.stringify(samples)).toContain(sample);
  await expectSettled(page);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(fresh)).toContainText("Connected", { timeout: 60_000 });
  await expectSettled(fresh);
});

// Its answer streams under it while the shared run writes it, not under the message that started the run.
test("the answer to a steered message streams under that message, live", async ({ page }) => {
  test.setTimeout(180_000);
  const SLOW_ASK = "Then talk for a while. fake:slow";
  const SLOW_REPLY = "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";
  const { firstTurn } = await startSlowTool(page, "steered-stream", "Steered stream");
  await sendMessage(page, SLOW_ASK);
  const steeredTurn = transcript(page).getByRole("article", { name: `Turn: ${SLOW_ASK}` });

  // Sampled while the shared run still runs: its reply (about 9 s of words) grows under the steered message.
  const partial: string[] = [];
  const deadline = Date.now() + 90_000;
  while (!(await steeredTurn.getByText(SLOW_REPLY, { exact: true }).isVisible())) {
    if (Date.now() > deadline) throw new Error(`no reply under the steered message within 90 s; partial: ${JSON.stringify(partial)}`);
    const running = await firstTurn.getByRole("status", { name: "Run status" }).isVisible();
    // The first turn's timeline lists the run's text among its steps; its reply is the rest of the turn, read in one
    // go (two reads of a growing timeline and turn would leave the words written between them in the "reply").
    const firstReply = await firstTurn.evaluate((turn) => {
      const copy = turn.cloneNode(true) as HTMLElement;
      for (const timeline of copy.querySelectorAll('section[aria-label="Run timeline"]')) timeline.remove();
      return copy.textContent ?? "";
    });
    const under = (await steeredTurn.textContent()) ?? "";
    expect(firstReply.includes("This reply is streamed") && under.includes("This reply is streamed"), "the reply is shown under one message at a time").toBe(false);
    const at = under.indexOf("This reply is streamed slowly");
    if (running && at >= 0) partial.push(under.slice(at));
    await page.waitForTimeout(250);
  }
  const prefixes = partial.filter((text) => SLOW_REPLY.startsWith(text.replace(/Steered into the reply already running.*$/, "")) && !text.startsWith(SLOW_REPLY));
  expect(prefixes.length, JSON.stringify(partial)).toBeGreaterThanOrEqual(3);
  await expect(firstTurn.getByText(FIRST_NOTE, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(transcript(page).getByText(SLOW_REPLY, { exact: true })).toHaveCount(1);
  await expect(transcript(page).getByRole("region", { name: "Run timeline" })).toHaveCount(1);
});

// Two messages steered into one run: the first is answered by a second tool call, the second by a slow reply. Each
// shows what the run wrote after taking it in and before taking the next one in, live as history later has it: the
// slow reply streams under the second message only.
test("two messages steered into one run each show their own part of its answer, live", async ({ page }) => {
  test.setTimeout(240_000);
  const AGAIN = "Count once more. fake:slowtool";
  const SLOW_ASK = "Then talk for a while. fake:slow";
  const SLOW_REPLY = "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";
  const { firstTurn } = await startSlowTool(page, "steered-twice", "Steered twice");
  await sendMessage(page, AGAIN);
  const againTurn = transcript(page).getByRole("article", { name: `Turn: ${AGAIN}` });
  // Taken in after the first tool, it makes the run call the tool again. The second message goes out the moment the
  // first is taken in, so it waits through that whole second tool (eight seconds), however late a loaded page draws it.
  await expect(againTurn.getByRole("note", { name: "How this message is answered" })).toHaveText(STEERED_WAITING_NOTE, { timeout: 60_000 });
  await sendMessage(page, SLOW_ASK);
  const slowTurn = transcript(page).getByRole("article", { name: `Turn: ${SLOW_ASK}` });

  const partial: number[] = [];
  const deadline = Date.now() + 120_000;
  while (!(await slowTurn.getByText(SLOW_REPLY, { exact: true }).isVisible())) {
    if (Date.now() > deadline) throw new Error(`no reply under the second steered message within 120 s; partial: ${JSON.stringify(partial)}`);
    const under = (await slowTurn.textContent()) ?? "";
    expect((await againTurn.textContent()) ?? "", "the first steered message's turn while the second's answer streams").not.toContain("This reply is streamed");
    const at = under.indexOf("This reply is streamed slowly");
    // A part of the reply can only be seen while it streams (history holds it whole).
    if (at >= 0) partial.push(sharedStart(under.slice(at), SLOW_REPLY));
    await page.waitForTimeout(250);
  }
  expect(new Set(partial.filter((length) => length < SLOW_REPLY.length)).size, JSON.stringify(partial)).toBeGreaterThanOrEqual(3);
  await expect(firstTurn.getByText(FIRST_NOTE, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(againTurn.getByRole("note", { name: "How this message is answered" })).toHaveText(STEERED_NOTE, { timeout: 30_000 });
  await expect(againTurn).not.toContainText("This reply is streamed");
  await expect(transcript(page).getByText(SLOW_REPLY, { exact: true })).toHaveCount(1);
  await expect(transcript(page).getByRole("region", { name: "Run timeline" })).toHaveCount(1);
  // The first steered message was answered by running the tool again, before the second was taken in.
  await expect(firstTurn.getByRole("list", { name: "Tools run" }).getByRole("listitem")).toHaveCount(2);
});
