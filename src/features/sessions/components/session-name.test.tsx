// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SessionName } from "./session-name";

afterEach(cleanup);

describe("SessionName", () => {
  it("hands the browser the whole of a long name to cut once, keeping its last word whole", () => {
    const name = "Review six steer session with a very long description that goes on oidb97";
    const { container } = render(<SessionName name={name} />);
    const root = container.firstElementChild as HTMLElement;
    expect(root.title).toBe(name);
    const [, head, tail] = [...root.children].map((part) => part.textContent);
    // No ellipsis of its own: the only one is the browser's, and only where the row is too narrow.
    expect(head).toBe("Review six steer session with a very long description that goes on");
    expect(tail).toBe(" oidb97");
  });
});
