import { describe, expect, it } from "vitest";
import { REDACTED, redactText, redactValue } from "./redact";

const GATEWAY_TOKEN = "3f9a1c0e5b7d2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c0e2b4d";

describe("redactText", () => {
  it("masks tokens in the shapes they reach log lines and errors", () => {
    const line = `connect failed token=${GATEWAY_TOKEN} Authorization: Bearer abcdefghijklmnop key sk-abcdefghijklmnopqrstuv ghp_abcdefghijklmnopqrstuvwxyz0123`;
    const masked = redactText(line);
    expect(masked).not.toContain(GATEWAY_TOKEN);
    expect(masked).not.toContain("abcdefghijklmnop");
    expect(masked).not.toContain("sk-abcdefghijklmnopqrstuv");
    expect(masked).not.toContain("ghp_abcdefghijklmnopqrstuvwxyz0123");
    expect(masked).toContain(REDACTED);
  });

  it("masks a token in a launch link and any secret the tab knows, wherever it appears", () => {
    expect(redactText("http://127.0.0.1:5173/?session=main#token=secret-one")).toBe(`http://127.0.0.1:5173/?session=main#token=${REDACTED}`);
    expect(redactText("user agent says hunter2-device", ["hunter2-device"])).toBe(`user agent says ${REDACTED}`);
  });

  it("masks API keys sent as URL query parameters and Google-style keys", () => {
    const key = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY";
    const masked = redactText(`fetch failed: https://generativelanguage.googleapis.com/v1beta/models/gemini:generateContent?key=${key}&alt=sse`);
    expect(masked).not.toContain(key);
    expect(masked).toContain("&alt=sse");
    expect(redactText(`GET /v1/x?api_key=abc123secret&access_token=tok987654`)).toBe(`GET /v1/x?api_key=${REDACTED}&access_token=${REDACTED}`);
    expect(redactText(`key ${key} in prose`)).not.toContain(key);
  });

  it("leaves ordinary words, run ids and short numbers alone", () => {
    const text = "run 0882011e-ed23-4121-bfe2-d629680dd03b failed with HTTP 429 after 3 attempts";
    expect(redactText(text)).toBe(text);
  });
});

describe("redactValue", () => {
  it("replaces values under secret-named keys and masks strings everywhere else", () => {
    expect(
      redactValue({ auth: { token: "abc123456", deviceToken: "dev-tok-1", signature: "sig", key: "plain-key-1" }, note: `token=${GATEWAY_TOKEN}`, empty: { token: "" }, list: [{ apiKey: "k-123456" }] }),
    ).toEqual({
      auth: { token: REDACTED, deviceToken: REDACTED, signature: REDACTED, key: REDACTED },
      note: `token=${REDACTED}`,
      empty: { token: "" },
      list: [{ apiKey: REDACTED }],
    });
  });
});

describe("redactText: credentials the first patterns missed", () => {
  it("masks HTTP Basic credentials in an Authorization header", () => {
    expect(redactText("401 from proxy; sent Authorization: Basic dXNlcjpodW50ZXIy")).toBe(`401 from proxy; sent Authorization: Basic ${REDACTED}`);
    expect(redactText('{"authorization":"Basic dXNlcjpodW50ZXIy"}')).toBe(`{"authorization":"Basic ${REDACTED}"}`);
  });

  it("masks the password of a URL and keeps the user and host", () => {
    expect(redactText("fetch https://alice:hunter2@proxy.example.com:8080/v1 failed")).toBe(`fetch https://alice:${REDACTED}@proxy.example.com:8080/v1 failed`);
    expect(redactText("redis://:s3cr3t-pw@cache:6379/0")).toBe(`redis://:${REDACTED}@cache:6379/0`);
    expect(redactText("see http://host:8080/path and mailto:a@b.c")).toBe("see http://host:8080/path and mailto:a@b.c");
  });

  it("masks Telegram bot tokens, bare and inside the Bot API URL", () => {
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8";
    expect(redactText(`telegram token ${token} rejected`)).toBe(`telegram token ${REDACTED} rejected`);
    expect(redactText(`POST https://api.telegram.org/bot${token}/sendMessage 401`)).toBe(`POST https://api.telegram.org/bot${REDACTED}/sendMessage 401`);
  });

  it("masks an AWS secret access key after its name", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    expect(redactText(`aws_secret_access_key = ${secret}`)).toBe(`aws_secret_access_key = ${REDACTED}`);
    expect(redactText(`AWS_SECRET_ACCESS_KEY=${secret} next`)).toBe(`AWS_SECRET_ACCESS_KEY=${REDACTED} next`);
    expect(redactText(`{"AWS_SECRET_ACCESS_KEY": "${secret}"}`)).toBe(`{"AWS_SECRET_ACCESS_KEY": "${REDACTED}"}`);
  });

  it("keeps ordinary prose about basics, times and URLs", () => {
    const text = "Basic setup done at 12:30:45 on https://example.com/a:b";
    expect(redactText(text)).toBe(text);
  });
});
