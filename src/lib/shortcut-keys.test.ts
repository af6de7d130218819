import { describe, expect, it } from "vitest";
import { shortcutLabel } from "./shortcut-keys";

describe("shortcutLabel", () => {
  it.each([
    ["a Mac by its user-agent data", { platform: "", userAgentData: { platform: "macOS" } }, "⌘K"],
    ["a Mac by navigator.platform", { platform: "MacIntel" }, "⌘K"],
    ["an iPad with a keyboard", { platform: "iPad" }, "⌘K"],
    ["iOS by its user-agent data", { userAgentData: { platform: "iOS" } }, "⌘K"],
    ["Windows", { platform: "Win32", userAgentData: { platform: "Windows" } }, "Ctrl K"],
    ["Linux", { platform: "Linux x86_64", userAgentData: { platform: "Linux" } }, "Ctrl K"],
    ["Chrome OS", { platform: "Linux x86_64", userAgentData: { platform: "Chrome OS" } }, "Ctrl K"],
    ["user-agent data first, when the two disagree", { platform: "MacIntel", userAgentData: { platform: "Windows" } }, "Ctrl K"],
    ["empty user-agent data falls back to navigator.platform", { platform: "MacIntel", userAgentData: { platform: "" } }, "⌘K"],
    ["nothing known", {}, "Ctrl K"],
  ])("%s", (_, hints, label) => {
    expect(shortcutLabel("K", hints)).toBe(label);
  });
});
