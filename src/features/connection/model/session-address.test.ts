import { describe, expect, it } from "vitest";
import { addressChange, addressWithSession, sessionInAddress } from "./session-address";

describe("sessionInAddress", () => {
  it("reads the session an address names", () => {
    expect(sessionInAddress("http://127.0.0.1:5173/?session=agent%3Ahelper%3Aplans")).toBe("agent:helper:plans");
  });

  it("reads none from an address without one, or with an empty one", () => {
    expect(sessionInAddress("http://127.0.0.1:5173/")).toBeUndefined();
    expect(sessionInAddress("http://127.0.0.1:5173/?session=%20")).toBeUndefined();
  });
});

describe("addressWithSession", () => {
  it("names the session and keeps the rest of the address", () => {
    expect(addressWithSession("http://127.0.0.1:5173/app/?theme=dark#notes", "agent:main:work")).toBe(
      "http://127.0.0.1:5173/app/?theme=dark&session=agent%3Amain%3Awork#notes",
    );
  });

  it("replaces the session named before", () => {
    expect(addressWithSession("http://127.0.0.1:5173/?session=agent%3Amain%3Aold", "agent:main:new")).toBe("http://127.0.0.1:5173/?session=agent%3Amain%3Anew");
  });

  it("never writes a token or a gateway, whichever way one got into the address", () => {
    expect(addressWithSession("http://127.0.0.1:5173/?token=q1&gatewayUrl=ws%3A%2F%2Fevil%3A1#token=f1&view=all", "agent:main:work")).toBe(
      "http://127.0.0.1:5173/?session=agent%3Amain%3Awork#view=all",
    );
    expect(addressWithSession("http://127.0.0.1:5173/#token=f1", "agent:main:work")).toBe("http://127.0.0.1:5173/?session=agent%3Amain%3Awork");
  });
});

describe("addressChange", () => {
  it("replaces the entry when the address names no session yet, so Back does not lead to a copy of the same page", () => {
    expect(addressChange("http://127.0.0.1:5173/", "agent:main:main")).toEqual({ kind: "replace", href: "http://127.0.0.1:5173/?session=agent%3Amain%3Amain" });
  });

  it("adds an entry when the user switches session, so Back returns to the one before", () => {
    expect(addressChange("http://127.0.0.1:5173/?session=agent%3Amain%3Amain", "agent:main:work")).toEqual({
      kind: "push",
      href: "http://127.0.0.1:5173/?session=agent%3Amain%3Awork",
    });
  });

  it("changes nothing when the address already names the open session (after Back, or a reload)", () => {
    expect(addressChange("http://127.0.0.1:5173/?session=agent%3Amain%3Awork", "agent:main:work")).toEqual({ kind: "none" });
  });
});
