import { describe, expect, it } from "vitest";
import { describeGateway, isGatewayUrl, launchQuestion, readLaunchParams, sameOriginGatewayUrl } from "./launch-params";

describe("readLaunchParams", () => {
  it("reads a dashboard link and strips the token from the address", () => {
    const params = readLaunchParams(
      "http://127.0.0.1:5173/?gatewayUrl=ws%3A%2F%2F127.0.0.1%3A18789&session=agent%3Amain%3Awork#token=abc123",
    );
    expect(params).toMatchObject({
      gatewayUrl: "ws://127.0.0.1:18789",
      sessionKey: "agent:main:work",
      token: "abc123",
      cleanedHref: "http://127.0.0.1:5173/",
      changed: true,
    });
  });

  it("leaves unrelated query and fragment parts alone", () => {
    const params = readLaunchParams("http://x.test/?theme=dark#token=t&panel=logs");
    expect(params.cleanedHref).toBe("http://x.test/?theme=dark#panel=logs");
    expect(params.token).toBe("t");
  });

  it("ignores a gatewayUrl that is not a WebSocket URL", () => {
    expect(readLaunchParams("http://x.test/?gatewayUrl=javascript%3Aalert(1)").gatewayUrl).toBeUndefined();
  });

  it("takes a legacy query token out of the address too", () => {
    expect(readLaunchParams("http://x.test/?token=leak&theme=dark").cleanedHref).toBe("http://x.test/?theme=dark");
  });

  it("reports no change for a plain address", () => {
    expect(readLaunchParams("http://x.test/").changed).toBe(false);
  });
});

describe("gateway URLs", () => {
  it("accepts ws and wss only", () => {
    expect(isGatewayUrl("ws://127.0.0.1:18789")).toBe(true);
    expect(isGatewayUrl("wss://gw.example/")).toBe(true);
    expect(isGatewayUrl("http://127.0.0.1:18789")).toBe(false);
    expect(isGatewayUrl("nonsense")).toBe(false);
  });

  it("derives the same-origin gateway URL", () => {
    expect(sameOriginGatewayUrl({ protocol: "http:", host: "127.0.0.1:18789" })).toBe("ws://127.0.0.1:18789");
    expect(sameOriginGatewayUrl({ protocol: "https:", host: "gw.example" })).toBe("wss://gw.example");
  });
});

describe("launchQuestion", () => {
  const current = { gatewayUrl: "ws://127.0.0.1:19789", token: "embedded-token" };

  it("asks before another gateway, naming both", () => {
    const { gatewayUrl } = readLaunchParams("http://127.0.0.1:5173/?gatewayUrl=wss%3A%2F%2Fattacker.example");
    expect(launchQuestion({ gatewayUrl }, current)?.title).toBe("Connect to wss://attacker.example instead of ws://127.0.0.1:19789?");
  });

  it("asks before a token from a link replaces the current one", () => {
    expect(launchQuestion({ token: "junk" }, current)?.title).toBe("Use the token from this link for ws://127.0.0.1:19789?");
  });

  it("asks nothing when the link changes neither gateway nor token", () => {
    expect(launchQuestion({ gatewayUrl: "ws://127.0.0.1:19789", sessionKey: "agent:main:x" }, current)).toBeNull();
    expect(launchQuestion({ token: "embedded-token" }, current)).toBeNull();
    expect(launchQuestion({ sessionKey: "agent:main:x" }, current)).toBeNull();
  });

  it("names the real host of a URL with user-info posing as another", () => {
    expect(describeGateway("wss://127.0.0.1:19789@attacker.example/")).toBe("wss://attacker.example");
    expect(describeGateway("ws://gw.example:8080/openclaw")).toBe("ws://gw.example:8080/openclaw");
  });
});
