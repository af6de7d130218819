import { describe, expect, it } from "vitest";
import { linkCarriesLaunchParams } from "./launch-link";

const APP = "http://127.0.0.1:5173/?session=agent%3Amain%3Amain";

describe("linkCarriesLaunchParams", () => {
  it("flags relative links that would pick a gateway, a token or a session", () => {
    expect(linkCarriesLaunchParams("/?gatewayUrl=wss%3A%2F%2Fattacker.example", APP)).toBe(true);
    expect(linkCarriesLaunchParams("#token=junk", APP)).toBe(true);
    expect(linkCarriesLaunchParams("?session=agent%3Amain%3Aother", APP)).toBe(true);
    expect(linkCarriesLaunchParams("/?token=abc", APP)).toBe(true);
    expect(linkCarriesLaunchParams("./?x=1#panel=logs&token=t", APP)).toBe(true);
  });

  it("flags a gateway or fragment token aimed at any origin (another copy of this app)", () => {
    expect(linkCarriesLaunchParams("http://localhost:5173/?gatewayUrl=ws%3A%2F%2Fevil%3A1", APP)).toBe(true);
    expect(linkCarriesLaunchParams("https://elsewhere.example/#token=x", APP)).toBe(true);
    expect(linkCarriesLaunchParams("http://127.0.0.1:5173/?GATEWAYURL=ws%3A%2F%2Fevil", APP)).toBe(true);
  });

  it("leaves ordinary links alone, including other sites' own session parameters", () => {
    expect(linkCarriesLaunchParams("https://example.com/docs?session=42&token=public", APP)).toBe(false);
    expect(linkCarriesLaunchParams("/docs/readme#install", APP)).toBe(false);
    expect(linkCarriesLaunchParams("https://example.com/", APP)).toBe(false);
    expect(linkCarriesLaunchParams("#section-2", APP)).toBe(false);
  });
});
