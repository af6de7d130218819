// @vitest-environment jsdom
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { connectionSettingsStore } from "@/features/connection/store/connection-settings-store";
import { createDeviceTokenStore } from "@/gateway/device-token-store";
import { openLocalDb, resetLocalDbForTests } from "@/lib/local-db";
import { forgetGateway } from "./forget-gateway";

const GW = "ws://127.0.0.1:19789";
const OTHER = "ws://10.0.0.5:18789";

async function seed() {
  const parts = { clientId: "openclaw-control-ui", deviceId: "dev-1", role: "operator" };
  await createDeviceTokenStore(GW).store({ ...parts, token: "device-token-gw", scopes: ["operator.read"] });
  await createDeviceTokenStore(OTHER).store({ ...parts, token: "device-token-other", scopes: ["operator.read"] });
  const db = await openLocalDb();
  for (const [scope, sessionKey, runId] of [[GW, "agent:main:a", "r1"], [GW, "agent:main:b", "r2"], [OTHER, "agent:main:a", "r3"]] as const) {
    await db.put("run-logs", { key: `${scope}|${sessionKey}|${runId}`, gatewayScope: scope, sessionKey, runId, updatedAt: 1, usedAt: 1, bytes: 2, stamp: "s", format: 1, signals: [] });
  }
  await db.put("outbox", { idempotencyKey: "m1", gatewayScope: GW, sessionKey: "agent:main:c", message: "hi", createdAt: 1, status: "waiting", attempts: 0 });
  await db.put("outbox", { idempotencyKey: "m2", gatewayScope: OTHER, sessionKey: "agent:main:c", message: "hi", createdAt: 1, status: "waiting", attempts: 0 });
  localStorage.setItem("clawscope.draft.agent:main:a", "draft a");
  localStorage.setItem("clawscope.held.agent:main:c", "held c");
  localStorage.setItem("clawscope.draft.agent:main:listed", "draft listed");
  localStorage.setItem("clawscope.draft.agent:main:unrelated", "keep me");
  localStorage.setItem("clawscope.theme", "dark");
  localStorage.setItem("clawscope.gateway-boots", JSON.stringify({ [GW]: { bootId: "b1", seenAt: 1 }, [OTHER]: { bootId: "b2", seenAt: 1 } }));
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  resetLocalDbForTests();
  localStorage.clear();
  sessionStorage.clear();
  connectionSettingsStore.getState().connectionFormSubmitted({ gatewayUrl: GW, token: "gateway-token", remember: true });
  await seed();
});

describe("forgetGateway", () => {
  it("removes this gateway's token, device token and local data, keeps other gateways' and says what it removed", async () => {
    const summary = await forgetGateway(GW, ["agent:main:listed"]);
    expect(summary).toBe(
      `Forgot ${GW}: removed its gateway token, 1 device token, 2 run logs, 1 waiting message and 3 drafts or held messages from this browser.`,
    );
    expect(connectionSettingsStore.getState()).toMatchObject({ gatewayUrl: null, token: "", forgetNotice: { gatewayUrl: GW, summary } });

    const db = await openLocalDb();
    expect((await db.getAll("device-tokens")).map((row) => row.token)).toEqual(["device-token-other"]);
    expect((await db.getAll("run-logs")).map((row) => row.runId)).toEqual(["r3"]);
    expect((await db.getAll("outbox")).map((row) => row.idempotencyKey)).toEqual(["m2"]);
    expect(Object.keys(localStorage).sort()).toEqual(["clawscope.draft.agent:main:unrelated", "clawscope.gateway-boots", "clawscope.theme"]);
    expect(JSON.parse(localStorage.getItem("clawscope.gateway-boots")!)).toEqual({ [OTHER]: { bootId: "b2", seenAt: 1 } });
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain("gateway-token");
  });
});
