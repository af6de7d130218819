import { describe, expect, it } from "vitest";
import { toolTitle } from "./tool-title";

describe("toolTitle", () => {
  it("prefers the gateway's title", () => {
    expect(toolTitle({ name: "exec", title: "Exec print text → run uname", args: { command: "echo hi" } })).toBe("Exec print text → run uname");
  });

  it.each([
    ["exec", { command: "echo hello-from-fake-tool &&\n uname -s" }, "Run echo hello-from-fake-tool && uname -s"],
    ["read", { path: "src/app.ts" }, "Read src/app.ts"],
    ["edit", { file_path: "README.md" }, "Edit README.md"],
    ["web_search", { query: "openclaw 1012" }, "Search openclaw 1012"],
    ["exec", { command: "x".repeat(200) }, `Run ${"x".repeat(75)}…`],
    ["browser", { url: "https://example.com" }, "browser"],
    ["exec", "not an object", "exec"],
  ])("%s %j → %s", (name, args, title) => {
    expect(toolTitle({ name, args })).toBe(title);
  });
});
