import { describe, expect, it } from "vitest";
import { announcesWork } from "./promise-detector";

describe("announcesWork", () => {
  it.each([
    // The two replies from the seed bug report.
    "Hey! 👋\nStill planning to check gog — let me do that now. One sec.",
    "Hey! Let me actually check gog now instead of just saying I will. One sec.",
    "Let me check that now.",
    "let me actually test it now",
    "I'll look into it.",
    "I’ll run the tests and report back.",
    "I'm going to check the logs first.",
    "Give me a moment.",
    "Just a sec — pulling the file.",
    "Working on it!",
    "On it.",
    "Sure. Looking into it now.",
    "Got it, checking now.",
    "Let's take a look at the config.",
  ])("flags %j", (text) => {
    expect(announcesWork(text)).toBe(true);
  });

  it.each([
    "Hello from the fake LLM. This is a scripted reply.",
    "Tool finished. Result was: hello-from-fake-tool Linux",
    "The file has 3 lines. Let me know if you want anything else.",
    "Done: I checked the config and the port is 18789.",
    "I tried a second time and it worked.",
    "If you want, I can look into the logs as well.",
    "Want me to run the tests?",
    "Let me explain: the gateway retries 429s ten times.",
    "I clicked on it.",
    "",
  ])("does not flag %j", (text) => {
    expect(announcesWork(text)).toBe(false);
  });

  it("reads only the end of a long answer", () => {
    const answer = `Let me check. ${"The result is 42 and here is why. ".repeat(20)}`;
    expect(announcesWork(answer)).toBe(false);
  });
});
