import { expect, test } from "@playwright/test";
import { openSession, sendMessage, transcript } from "../support/chat-page";

const FIRST = "Count slowly. fake:slowtool";
const QUEUED = "Also, when done, say hi.";
const ANSWER = `Hello! I'm the scripted model that ships with Clawscope. You said: “${QUEUED}”. Add a cue such as fake:tool or fake:429x2 to your message to script a scenario.`;

// A message sent while a reply runs is queued by the gateway and answered by a run of its own id, which the
// message does not name: its answer belongs under it, once, not under a turn of its own.
test("a message sent while a reply runs gets its answer under it, once, live and in a fresh browser", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const sessionKey = await openSession(page, "queued");
  await sendMessage(page, FIRST);
  const turns = transcript(page).getByRole("article");
  await expect(turns.first().getByRole("status", { name: "Run status" })).toBeVisible({ timeout: 30_000 });
  await sendMessage(page, QUEUED);

  const queuedTurn = transcript(page).getByRole("article", { name: `Turn: ${QUEUED}` });
  await expect(queuedTurn).toContainText(ANSWER, { timeout: 90_000 });
  await expect(turns.first()).toContainText("Tool finished. Output: step 1 step 2 step 3 step 4 step 5 step 6 step 7 step 8");
  // Settled: two turns, the answer shown once.
  await expect(turns).toHaveCount(2, { timeout: 30_000 });
  await expect(transcript(page).getByText(ANSWER, { exact: true })).toHaveCount(1);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  const freshTurns = transcript(fresh).getByRole("article");
  await expect(transcript(fresh).getByRole("article", { name: `Turn: ${QUEUED}` })).toContainText(ANSWER, { timeout: 60_000 });
  await expect(freshTurns).toHaveCount(2);
  await expect(transcript(fresh).getByText(ANSWER, { exact: true })).toHaveCount(1);
});
