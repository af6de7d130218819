// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ATTACHMENT_LIMITS } from "../model/attachment-policy";
import { useAttachments } from "./use-attachments";

afterEach(cleanup);

describe("a forked message's files, back in the tray", () => {
  it("are ready to go at once, with what could not come back said in words, and go with the next message", () => {
    const { result } = renderHook(() => useAttachments(() => DEFAULT_ATTACHMENT_LIMITS));
    const dot = { kind: "image" as const, fileName: "dot.png", mimeType: "image/png", sizeBytes: 70, content: "iVBORw0KGgo=" };
    act(() => result.current.restore([dot], ['"notes.txt" was not put back: the gateway gives back only a forked message\'s pictures. Attach it again to send it.']));
    expect(result.current.items.map(({ name, status, sizeBytes, kind }) => ({ name, status, sizeBytes, kind }))).toEqual([{ name: "dot.png", status: "ready", sizeBytes: 70, kind: "image" }]);
    expect(result.current.refusals).toEqual(['"notes.txt" was not put back: the gateway gives back only a forked message\'s pictures. Attach it again to send it.']);
    expect(result.current.reading).toBe(false);
    let sent: unknown;
    act(() => {
      sent = result.current.takeReady();
    });
    expect(sent).toEqual([dot]);
    expect(result.current.items).toEqual([]);
    expect(result.current.refusals).toEqual([]);
  });
});
