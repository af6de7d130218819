import { describe, expect, it } from "vitest";
import { parseGatewayLogLine } from "./gateway-log-lines";
import { REDACTED } from "./redact";

const TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef";

/** Shaped like the pinned gateway's (openclaw 2026.9.6) log file lines, trimmed of `_meta.path`. */
function tslogLine(args: Record<string, unknown>, level: string, levelId: number, message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ...args,
    _meta: { runtime: "node", hostname: "vm", date: "2026-11-24T04:23:37.609Z", logLevelId: levelId, logLevelName: level, name: typeof args["0"] === "string" && args["0"].startsWith("{") ? args["0"] : "openclaw", parentNames: ["openclaw"] },
    time: "2026-11-24T04:23:37.609+00:00",
    hostname: "vm",
    message,
    ...extra,
  });
}

const SUBSYSTEM = (name: string) => JSON.stringify({ subsystem: name });

describe("parseGatewayLogLine", () => {
  it("reads a subsystem line with a string message", () => {
    const line = parseGatewayLogLine(tslogLine({ 0: SUBSYSTEM("gateway"), 1: "loading configuration…" }, "INFO", 3, "loading configuration…"));
    expect(line).toMatchObject({ level: "info", subsystem: "gateway", text: "loading configuration…", fields: {}, time: Date.parse("2026-11-24T04:23:37.609Z") });
    expect(line.runId).toBeUndefined();
  });

  it("keeps a structured argument as fields and takes the run id from it", () => {
    const fields = { event: "auth_profile_failure_state_updated", runId: "p401", provider: "fakeauth", reason: "auth", cooldownUntil: 1795494247536 };
    const line = parseGatewayLogLine(tslogLine({ 0: SUBSYSTEM("agent/embedded"), 1: fields, 2: "auth profile failure state updated" }, "WARN", 4, "auth profile failure state updated"));
    expect(line).toMatchObject({ level: "warn", subsystem: "agent/embedded", text: "auth profile failure state updated", runId: "p401", fields });
  });

  it("reads an object after the message (string, then object)", () => {
    const line = parseGatewayLogLine(tslogLine({ 0: SUBSYSTEM("session-sqlite"), 1: "slow SQLite session write", 2: { elapsedMs: 3763 } }, "WARN", 4, 'slow SQLite session write {"elapsedMs":3763}'));
    expect(line.fields).toEqual({ elapsedMs: 3763 });
    expect(line.text).toBe('slow SQLite session write {"elapsedMs":3763}');
  });

  it("treats a first argument that is not a subsystem as the message", () => {
    const line = parseGatewayLogLine(tslogLine({ 0: "Embedded agent failed before reply: HTTP 401" }, "ERROR", 5, "Embedded agent failed before reply: HTTP 401"));
    expect(line).toMatchObject({ level: "error", text: "Embedded agent failed before reply: HTTP 401" });
    expect(line.subsystem).toBeUndefined();
  });

  it("finds the run id and the session key in message text", () => {
    const send = parseGatewayLogLine(tslogLine({ 0: SUBSYSTEM("gateway/ws"), 1: "⇄ res ✓ chat.send 261ms runId=p401 conn=a15a…68b6 id=r9" }, "INFO", 3, "⇄ res ✓ chat.send 261ms runId=p401 conn=a15a…68b6 id=r9"));
    expect(send.runId).toBe("p401");
    const lane = parseGatewayLogLine(tslogLine({ 0: SUBSYSTEM("diagnostic"), 1: { errorName: "FailoverError" }, 2: "lane task error: lane=session:agent:main:probe401 durationMs=2489" }, "ERROR", 5, "lane task error: lane=session:agent:main:probe401 durationMs=2489"));
    expect(lane.sessionKey).toBe("agent:main:probe401");
    const processed = parseGatewayLogLine(tslogLine({ 0: SUBSYSTEM("diagnostic"), 1: "message processed: sessionKey=agent:main:x outcome=error" }, "ERROR", 5, "message processed: sessionKey=agent:main:x outcome=error"));
    expect(processed.sessionKey).toBe("agent:main:x");
  });

  it("names the logger from a module, and reads the session key from session_id", () => {
    const cron = parseGatewayLogLine(tslogLine({ 0: JSON.stringify({ module: "cron", storeKey: "/x" }), 1: "cron: started" }, "INFO", 3, "cron: started"));
    expect(cron.subsystem).toBe("cron");
    const maintenance = parseGatewayLogLine(
      tslogLine({ 0: SUBSYSTEM("agents/session-maintenance"), 1: { event: "session_maintenance" }, 2: "session maintenance lifecycle" }, "DEBUG", 2, "session maintenance lifecycle", { session_id: "agent:main:exp1" }),
    );
    expect(maintenance).toMatchObject({ level: "debug", sessionKey: "agent:main:exp1" });
    const transcriptId = parseGatewayLogLine(tslogLine({ 0: "x" }, "WARN", 4, "x", { session_id: "b46a7d61-73ab-4ddf-817c-3fa76f179dde" }));
    expect(transcriptId.sessionKey).toBeUndefined();
  });

  it("falls back to the numeric level, then to the _meta date", () => {
    const raw = JSON.stringify({ 0: "hello", _meta: { logLevelId: 2, date: "2026-11-24T04:00:00.000Z" } });
    expect(parseGatewayLogLine(raw)).toMatchObject({ level: "debug", text: "hello", time: Date.parse("2026-11-24T04:00:00.000Z") });
  });

  it("masks secrets in the text and in the fields", () => {
    const line = parseGatewayLogLine(
      tslogLine({ 0: SUBSYSTEM("gateway/ws"), 1: { auth: { token: "short-secret" }, note: `token=${TOKEN}` }, 2: `connect failed token=${TOKEN}` }, "WARN", 4, `connect failed token=${TOKEN} apiKey: sk-abcdefghijklmnop`),
    );
    expect(JSON.stringify(line)).not.toContain(TOKEN);
    expect(JSON.stringify(line)).not.toContain("short-secret");
    expect(JSON.stringify(line)).not.toContain("sk-abcdefghijklmnop");
    expect(line.text).toContain(REDACTED);
    expect(line.fields).toEqual({ auth: { token: REDACTED }, note: `token=${REDACTED}` });
  });

  it("masks secrets the caller knows even when they look harmless", () => {
    const line = parseGatewayLogLine(tslogLine({ 0: "using hunter22" }, "INFO", 3, "using hunter22"), ["hunter22"]);
    expect(line.text).toBe(`using ${REDACTED}`);
  });

  it("reads a plain-text line with a leading time and level", () => {
    const line = parseGatewayLogLine("2026-11-24T04:23:17.706Z [warn] gateway restarting runId=abc");
    expect(line).toMatchObject({ level: "warn", time: Date.parse("2026-11-24T04:23:17.706Z"), text: "2026-11-24T04:23:17.706Z [warn] gateway restarting runId=abc", runId: "abc", fields: {} });
  });

  it.each([["{not json"], ["[1,2,3]"], [""], ["\u0000\uFFFF garbage"], ['{"0": 5, "_meta": "nope"}']])("never throws on %j", (raw) => {
    expect(() => parseGatewayLogLine(raw)).not.toThrow();
  });

  it("keeps a malformed line as masked raw text at level unknown", () => {
    const line = parseGatewayLogLine(`{"0":"broken token=${TOKEN}`);
    expect(line.level).toBe("unknown");
    expect(line.text).toContain("broken");
    expect(line.text).not.toContain(TOKEN);
  });

  it("gives the same raw line the same id and different lines different ids", () => {
    const a = tslogLine({ 0: "a" }, "INFO", 3, "a");
    const b = tslogLine({ 0: "b" }, "INFO", 3, "b");
    expect(parseGatewayLogLine(a).id).toBe(parseGatewayLogLine(a).id);
    expect(parseGatewayLogLine(a).id).not.toBe(parseGatewayLogLine(b).id);
  });
});
