import { expect, test } from "@playwright/test";
import { connectionStatus, sendMessage, sharedStart, transcript, uniqueSession } from "../support/chat-page";
import { gatewayCall } from "../support/gateway-admin";

const ASK = "Talk for a while. fake:slow";
const REPLY = "This reply is streamed slowly, a few words at a time, so that you can watch the run inspector while the model is still talking. It keeps going for a while longer than a normal answer would, and then it finishes with a short closing sentence. Done.";

// A browser that opens the session while the reply is being written has none of it: it takes the words so far from
// history, and the live words after them must carry the reply on (they once stopped at history's snapshot until the end).
test("a page opened in the middle of a reply shows it growing live from the words history had", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const sessionKey = uniqueSession("open-mid-reply");
  await gatewayCall("sessions.patch", { key: sessionKey, label: `Mid reply ${sessionKey.slice(-8)}` });
  await page.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(page)).toContainText("Connected", { timeout: 60_000 });
  await sendMessage(page, ASK);
  await expect(transcript(page).getByRole("article", { name: `Turn: ${ASK}` })).toContainText("This reply is streamed slowly", { timeout: 60_000 });

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`/?session=${encodeURIComponent(sessionKey)}`);
  await expect(connectionStatus(fresh)).toContainText("Connected", { timeout: 60_000 });
  const turn = transcript(fresh).getByRole("article", { name: `Turn: ${ASK}` });

  // Sampled while the run still runs in the fresh page: the reply's unfinished prefixes it showed.
  const partial: number[] = [];
  const deadline = Date.now() + 60_000;
  while (!(await turn.getByText(REPLY, { exact: true }).isVisible())) {
    if (Date.now() > deadline) throw new Error(`no whole reply within 60 s; lengths: ${JSON.stringify(partial)}`);
    const text = (await turn.textContent()) ?? "";
    const at = text.indexOf("This reply is streamed slowly");
    if (at >= 0 && (await turn.getByRole("status", { name: "Run status" }).isVisible())) partial.push(sharedStart(text.slice(at), REPLY));
    await fresh.waitForTimeout(250);
  }
  const growing = [...new Set(partial)].filter((length) => length < REPLY.length);
  expect(growing.length, JSON.stringify(partial)).toBeGreaterThanOrEqual(3);
  expect(growing, "the reply only grows").toEqual([...growing].sort((a, b) => a - b));
  await expect(transcript(fresh).getByText(REPLY, { exact: true })).toHaveCount(1);
});
