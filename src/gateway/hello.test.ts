import { describe, expect, it } from "vitest";
import { helloFrom } from "@/testing/capture-frames";
import { bootChanged, readHello, summarizeHello } from "./hello";

const captured = helloFrom().payload as Record<string, any>;

describe("readHello", () => {
  it("reads the real gateway's hello-ok field by field", () => {
    const { presence, health, ...facts } = readHello(captured);
    expect(facts).toEqual({
      version: "2026.9.6",
      buildId: "2026.9.6-release-eb377ac59e6c-2026-09-23T16-33-12.144Z",
      bootId: "d3813cea-0f86-49be-8a84-98fe9b545858",
      connId: "8edd7282-bad0-4bfb-8b29-eccfb541ac94",
      protocol: 4,
      tickIntervalMs: 30_000,
      maxPayload: 26_214_400,
      mainSessionKey: "agent:main:main",
      authMethod: "token",
      scopes: ["operator.admin", "operator.read", "operator.write", "operator.approvals"],
      uptimeMs: 100_171,
      presenceVersion: 3,
      healthVersion: 4,
      attachmentMaxBytes: 19_464_192,
      attachmentMaxImageBytes: 6_291_456,
    });
    expect(presence).toBe(captured.snapshot.presence);
    expect(health).toBe(captured.snapshot.health);
  });

  it("leaves out what is missing or malformed instead of throwing", () => {
    expect(readHello(null)).toEqual({});
    expect(readHello({ server: "x", snapshot: [] })).toEqual({});
    expect(readHello({ server: { version: 7, bootId: "" }, policy: { tickIntervalMs: "30000" }, auth: { scopes: ["operator.read", 3] } })).toEqual({
      scopes: ["operator.read"],
    });
  });
});

describe("summarizeHello", () => {
  it("keeps what the connection needs from the real hello", () => {
    expect(summarizeHello(captured)).toEqual({
      version: "2026.9.6",
      bootId: "d3813cea-0f86-49be-8a84-98fe9b545858",
      connId: "8edd7282-bad0-4bfb-8b29-eccfb541ac94",
      protocol: 4,
      tickIntervalMs: 30_000,
      maxPayload: 26_214_400,
      mainSessionKey: "agent:main:main",
      authMethod: "token",
      scopes: ["operator.admin", "operator.read", "operator.write", "operator.approvals"],
      uptimeMs: 100_171,
    });
  });

  it("fills the protocol's defaults for what a hello leaves out", () => {
    expect(summarizeHello({ protocol: 4, server: { version: "2026.9.6" } })).toEqual({
      version: "2026.9.6",
      protocol: 4,
      tickIntervalMs: 30_000,
      maxPayload: 26_214_400,
      mainSessionKey: "agent:main:main",
      scopes: [],
    });
  });
});

describe("bootChanged", () => {
  it("is a restart only when two known boot ids differ", () => {
    expect(bootChanged("boot-1", "boot-2")).toBe(true);
    expect(bootChanged("boot-1", "boot-1")).toBe(false);
    expect(bootChanged(undefined, "boot-1")).toBe(false);
    expect(bootChanged("boot-1", undefined)).toBe(false);
    expect(bootChanged(undefined, undefined)).toBe(false);
  });
});
