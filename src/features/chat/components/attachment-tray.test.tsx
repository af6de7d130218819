// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { useAttachments } from "../api/use-attachments";
import type { AttachmentLimits } from "../model/attachment-policy";
import type { OutgoingAttachment } from "../model/outbox";
import { AttachmentTray } from "./attachment-tray";

const limits: AttachmentLimits = { maxBytes: 1000, maxImageBytes: 100, maxPayload: 26_214_400 };
const getLimits = () => limits;
let taken: OutgoingAttachment[] = [];

function Harness() {
  const tray = useAttachments(getLimits);
  return (
    <>
      <AttachmentTray items={tray.items} refusals={tray.refusals} onFiles={tray.add} onRemove={tray.remove} onDismissRefusals={tray.dismissRefusals} />
      <button type="button" onClick={() => (taken = tray.takeReady())}>
        Take
      </button>
    </>
  );
}

afterEach(() => {
  cleanup();
  taken = [];
});

describe("AttachmentTray with useAttachments", () => {
  it("reads a picked file into a removable chip and hands it over as base64", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.upload(screen.getByLabelText("Choose files to attach"), new File(["ABC"], "a.txt", { type: "text/plain" }));
    // Read in full: the chip shows the size where the progress was.
    await screen.findByText("3 B");
    const chips = within(screen.getByRole("list", { name: "Files to send" })).getAllByRole("listitem");
    expect(chips.map((chip) => chip.textContent)).toEqual(["a.txt3 B×"]);
    await user.click(screen.getByRole("button", { name: "Take" }));
    expect(taken).toEqual([{ kind: "file", fileName: "a.txt", mimeType: "text/plain", sizeBytes: 3, content: "QUJD" }]);
    expect(screen.queryByRole("list", { name: "Files to send" })).toBeNull();
  });

  it("refuses an image over the limit by name and keeps the others", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.upload(screen.getByLabelText("Choose files to attach"), [
      new File([new Uint8Array(101)], "big.png", { type: "image/png" }),
      new File(["ok"], "small.png", { type: "image/png" }),
    ]);
    expect(screen.getByRole("alert").textContent).toBe('"big.png" is 101 B: this gateway takes images up to 100 B. Nothing was sent.Dismiss');
    const list = await screen.findByRole("list", { name: "Files to send" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Remove small.png" }));
    expect(screen.queryByRole("list", { name: "Files to send" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
