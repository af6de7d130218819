// `npm run bench -- --only wire-history`: how long until the last turn of a 3,000-turn session is on screen,
// Clawscope beside OpenClaw's own Control UI, both opening the same session of the same embedded gateway
// (wire-bench.mjs's withWireSetup) in headless Chromium, each sample in a fresh browser context.
//
// The session is seeded over one operator connection: `sessions.patch {key, label}`, then 3,000
// `chat.inject` notes (each its own turn in Clawscope, lib/history-turns.ts). A sample runs from the
// navigation's start (the page's time origin) to the first frame in which the last note's exact text is
// on screen: an element whose whole text it is, inside the viewport and not covered or scrolled away
// (the element at its visible centre is it, or inside it). A script added before the page's own code
// checks after every DOM change or scroll (at most once a frame) and every 100 ms besides.
import WebSocket from "ws";
import { clawscopeUrl, controlUiUrl } from "./wire-bench.mjs";
import { backendConnectFrame } from "../../scripts/lib/backend-connect.mjs";

export const HISTORY_TURNS = 3_000;
/** Two segments after the agent id: the Control UI's literal-key path `/chat/main/bench/history-3000` (docs/web/urls.md). */
const SESSION_KEY = "agent:main:bench:history-3000";
const CONTROL_UI_PATH = "/chat/main/bench/history-3000";
const VISIBLE_TIMEOUT_MS = 120_000;
const SEED_TIMEOUT_MS = 600_000;

const note = (index) => `History bench note ${index + 1} of ${HISTORY_TURNS}`;

/**
 * Calls one after the other over one operator connection (the gateway's device-less backend route,
 * as e2e/support/gateway-admin.ts uses it); each answer is kept, failed or not.
 * @returns {Promise<Array<{ ok: boolean, payload?: unknown, error?: { message?: string } }>>}
 */
function operatorCalls(gateway, calls) {
  const socket = new WebSocket(gateway.url);
  const answers = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${calls.length} operator calls: ${answers.length} done in ${SEED_TIMEOUT_MS / 1000} s`)), SEED_TIMEOUT_MS);
    const finish = (error) => {
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(answers);
    };
    const next = () => {
      const call = calls[answers.length];
      if (!call) return finish();
      socket.send(JSON.stringify({ type: "req", id: `call-${answers.length}`, method: call.method, params: call.params }));
    };
    socket.on("error", finish);
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === "event" && frame.event === "connect.challenge") {
        socket.send(backendConnectFrame(gateway.token, ["operator.admin", "operator.read", "operator.write"], "clawscope-bench"));
      } else if (frame.type === "res" && frame.id === "connect") {
        if (!frame.ok) return finish(new Error(`operator connect failed: ${frame.error?.message}`));
        next();
      } else if (frame.type === "res" && frame.id === `call-${answers.length}`) {
        answers.push({ ok: frame.ok === true, payload: frame.payload, error: frame.error });
        next();
      }
    });
  });
}

/** A fresh 3,000-turn session (one left by an earlier run is deleted first). */
async function seedSession(gateway, log) {
  const started = performance.now();
  await operatorCalls(gateway, [{ method: "sessions.delete", params: { key: SESSION_KEY } }]);
  const answers = await operatorCalls(gateway, [
    { method: "sessions.patch", params: { key: SESSION_KEY, label: "History bench" } },
    ...Array.from({ length: HISTORY_TURNS }, (_, index) => ({ method: "chat.inject", params: { sessionKey: SESSION_KEY, message: note(index) } })),
  ]);
  const failed = answers.find((answer) => !answer.ok);
  if (failed) throw new Error(`seeding the history session failed: ${failed.error?.message}`);
  log(`  seeded ${HISTORY_TURNS} turns in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/* global window, document, innerWidth, innerHeight, XPathResult, NodeFilter, MutationObserver, addEventListener, requestAnimationFrame -- watchForText runs in the page */

/** Runs in the page before its own scripts: records in `__benchVisibleAt` when `text` is first on screen. */
function watchForText(text) {
  if (window.top !== window) return;
  const xpath = `.//text()[contains(., "${text}")]`;
  const onScreen = (element) => {
    if (element.textContent.trim() !== text) return false;
    const rect = element.getBoundingClientRect();
    const left = Math.max(0, rect.left);
    const right = Math.min(innerWidth, rect.right);
    const top = Math.max(0, rect.top);
    const bottom = Math.min(innerHeight, rect.bottom);
    if (right <= left || bottom <= top) return false;
    // In a shadow root, its own hit test (the document's would answer with the host).
    const hit = element.getRootNode().elementFromPoint((left + right) / 2, (top + bottom) / 2);
    return hit !== null && (hit === element || element.contains(hit) || hit.contains(element));
  };
  const foundAmong = (textNodes) => textNodes.some((node) => node.data.includes(text) && node.parentElement !== null && onScreen(node.parentElement));
  const foundIn = (root) => {
    const nodes = document.evaluate(xpath, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return foundAmong(Array.from({ length: nodes.snapshotLength }, (_, index) => nodes.snapshotItem(index)));
  };
  /** Inside open shadow roots (XPath does not take one as its context): only on the 100 ms check, it walks every node. */
  const foundInShadow = (shadow) => {
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
    const textNodes = [];
    while (walker.nextNode()) textNodes.push(walker.currentNode);
    return foundAmong(textNodes) || [...shadow.querySelectorAll("*")].some((element) => element.shadowRoot !== null && foundInShadow(element.shadowRoot));
  };
  const foundInShadows = () => [...document.querySelectorAll("*")].some((element) => element.shadowRoot !== null && foundInShadow(element.shadowRoot));
  let dirty = true;
  let lastFull = 0;
  const markDirty = () => (dirty = true);
  new MutationObserver(markDirty).observe(document, { childList: true, subtree: true, characterData: true });
  addEventListener("scroll", markDirty, { capture: true, passive: true });
  const frame = (now) => {
    const full = now - lastFull >= 100;
    if ((dirty || full) && document.documentElement) {
      dirty = false;
      if (full) lastFull = now;
      if (foundIn(document) || (full && foundInShadows())) {
        window.__benchVisibleAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One sample: a fresh context, the page opened, milliseconds from navigation start until the text is on screen. */
async function timeToText(browser, url, text) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(watchForText, text);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    const handle = await page.waitForFunction(() => window.__benchVisibleAt, null, { timeout: VISIBLE_TIMEOUT_MS, polling: 250 });
    return await handle.jsonValue();
  } catch (error) {
    throw new Error(`${url.split("#")[0]}: the last turn was not on screen in ${VISIBLE_TIMEOUT_MS / 1000} s (${error.message})`, { cause: error });
  } finally {
    await context.close();
  }
}

/**
 * @param {import("./wire-bench.mjs").WireSetup} setup
 * @param {number} samples
 * @param {(line: string) => void} log
 */
export async function runHistoryBench(setup, samples, log) {
  await seedSession(setup.gateway, log);
  const last = note(HISTORY_TURNS - 1);
  const clawscope = () => timeToText(setup.browser, clawscopeUrl(setup, SESSION_KEY), last);
  const controlUi = () => timeToText(setup.browser, controlUiUrl(setup, CONTROL_UI_PATH), last);
  const sides = { candidate: [], baseline: [] };
  try {
    // One warm-up each: the gateway's first read of the long transcript is not the page's.
    log(`  warm-up: Clawscope ${(await clawscope()).toFixed(0)} ms, Control UI ${(await controlUi()).toFixed(0)} ms`);
    for (let index = 0; index < samples; index += 1) {
      const order = index % 2 === 0 ? ["candidate", "baseline"] : ["baseline", "candidate"];
      for (const side of order) sides[side].push(await (side === "candidate" ? clawscope() : controlUi()));
    }
  } finally {
    await operatorCalls(setup.gateway, [{ method: "sessions.delete", params: { key: SESSION_KEY } }]).catch(() => {});
  }
  return sides;
}

/** The bench table's row: milliseconds, Clawscope ÷ Control UI. */
export function historyEntries(sides, summarize) {
  return [
    {
      id: "wire-history-3000",
      label: "last turn of a 3,000-turn session visible",
      unit: "ms",
      candidate: summarize(sides.candidate),
      baseline: summarize(sides.baseline),
      candidateWhat: `wall time from navigation start until the last of ${HISTORY_TURNS} chat.inject notes is on screen (its exact text, in the viewport, not covered) in Clawscope opened on that session (?session=), fresh browser context, served by scripts/ui-server.mjs`,
      baselineWhat: `the same in OpenClaw's own Control UI (${CONTROL_UI_PATH}), served by the same embedded gateway`,
      details: { samples: `${sides.candidate.length} per side`, turns: HISTORY_TURNS },
    },
  ];
}
