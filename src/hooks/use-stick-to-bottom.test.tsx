// @vitest-environment jsdom
import { cleanup, fireEvent, render } from "@testing-library/react";
import { useRef } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeResizeObserver, setScrollBox } from "@/testing/fake-resize-observer";
import { isAtBottom, useStickToBottom } from "./use-stick-to-bottom";

describe("isAtBottom", () => {
  it("counts a reader within the slack of the end as at the end, and one the slack or more above it as not", () => {
    expect(isAtBottom({ scrollHeight: 1000, clientHeight: 400, scrollTop: 600 }, 120)).toBe(true);
    expect(isAtBottom({ scrollHeight: 1000, clientHeight: 400, scrollTop: 481 }, 120)).toBe(true);
    expect(isAtBottom({ scrollHeight: 1000, clientHeight: 400, scrollTop: 480 }, 120)).toBe(false);
    expect(isAtBottom({ scrollHeight: 1000, clientHeight: 400, scrollTop: 0 }, 120)).toBe(false);
    // Content shorter than the box: always at the end.
    expect(isAtBottom({ scrollHeight: 300, clientHeight: 400, scrollTop: 0 }, 120)).toBe(true);
  });
});

function Pane() {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useStickToBottom(scroller, content, pinned);
  return (
    <div data-testid="scroller" ref={scroller} onScroll={(event) => (pinned.current = isAtBottom(event.currentTarget, 120))}>
      <div data-testid="content" ref={content} />
    </div>
  );
}

beforeEach(() => {
  vi.stubGlobal("ResizeObserver", FakeResizeObserver);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("useStickToBottom", () => {
  it("keeps the end in view when the box or the content changes size while the reader is at the end", () => {
    const { getByTestId } = render(<Pane />);
    const [scroller, content] = [getByTestId("scroller"), getByTestId("content")];
    setScrollBox(scroller, { scrollHeight: 1000, clientHeight: 400 });
    scroller.scrollTop = 600;
    fireEvent.scroll(scroller);

    // Something below took 150 px: the browser keeps scrollTop, so the last 150 px would be hidden.
    setScrollBox(scroller, { scrollHeight: 1000, clientHeight: 250 });
    FakeResizeObserver.resized(scroller);
    expect(scroller.scrollTop).toBe(1000);

    setScrollBox(scroller, { scrollHeight: 1300, clientHeight: 250 });
    FakeResizeObserver.resized(content);
    expect(scroller.scrollTop).toBe(1300);
  });

  it("leaves a reader who scrolled up where they are", () => {
    const { getByTestId } = render(<Pane />);
    const [scroller, content] = [getByTestId("scroller"), getByTestId("content")];
    setScrollBox(scroller, { scrollHeight: 1000, clientHeight: 400 });
    scroller.scrollTop = 200;
    fireEvent.scroll(scroller);

    setScrollBox(scroller, { scrollHeight: 1000, clientHeight: 250 });
    FakeResizeObserver.resized(scroller);
    setScrollBox(scroller, { scrollHeight: 1300, clientHeight: 250 });
    FakeResizeObserver.resized(content);
    expect(scroller.scrollTop).toBe(200);
  });

  it("stops watching once the view is gone", () => {
    const { unmount } = render(<Pane />);
    expect(FakeResizeObserver.live.size).toBe(1);
    unmount();
    expect(FakeResizeObserver.live.size).toBe(0);
  });
});
