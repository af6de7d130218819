// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeResizeObserver, setScrollBox } from "@/testing/fake-resize-observer";
import type { Turn } from "../model/transcript";
import { Transcript, VIRTUALIZE_AFTER_TURNS } from "./transcript";

const turnsOf = (count: number): Turn[] =>
  Array.from({ length: count }, (_, index) => ({
    key: `run-${index}`,
    runId: `run-${index}`,
    user: { id: `run-${index}`, text: `Question ${index}`, systemNote: false },
    replyText: `Answer ${index}`,
    at: index,
  }));

const renderers = { renderAssistant: (turn: Turn) => <p>{turn.replyText}</p>, onRetry: () => {}, onDiscard: () => {} };

beforeEach(() => {
  vi.stubGlobal("ResizeObserver", FakeResizeObserver);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("Transcript", () => {
  it("renders every turn of a short session", () => {
    render(<Transcript turns={turnsOf(3)} earlier={{ status: "complete" }} emptyState={null} {...renderers} />);
    const log = screen.getByRole("log", { name: "Transcript" });
    expect(within(log).getAllByRole("article").map((article) => article.getAttribute("aria-label"))).toEqual(["Turn: Question 0", "Turn: Question 1", "Turn: Question 2"]);
    expect(within(log).getByText("Start of the session")).toBeTruthy();
  });

  it("keeps only a window of a 10,000-turn session in the page", () => {
    render(<Transcript turns={turnsOf(10_000)} earlier={{ status: "complete" }} emptyState={null} {...renderers} />);
    const articles = within(screen.getByRole("log", { name: "Transcript" })).queryAllByRole("article");
    expect(articles.length).toBeLessThan(50);
  });

  it("renders every turn up to the virtualization threshold", () => {
    render(<Transcript turns={turnsOf(VIRTUALIZE_AFTER_TURNS)} earlier={{ status: "complete" }} emptyState={null} {...renderers} />);
    expect(within(screen.getByRole("log", { name: "Transcript" })).getAllByRole("article")).toHaveLength(VIRTUALIZE_AFTER_TURNS);
  });

  it("marks and describes only the turn a message search opened it at", () => {
    render(<Transcript turns={turnsOf(3)} earlier={{ status: "complete" }} emptyState={null} foundTurnKey="run-1" {...renderers} />);
    const described = within(screen.getByRole("log", { name: "Transcript" }))
      .getAllByRole("article")
      .map((article) => [article.getAttribute("aria-label"), document.getElementById(article.getAttribute("aria-describedby") ?? "")?.textContent ?? null]);
    expect(described).toEqual([
      ["Turn: Question 0", null],
      ["Turn: Question 1", "Found by search"],
      ["Turn: Question 2", null],
    ]);
  });

  it("offers older messages, says while they load, and says why they did not", async () => {
    const load = vi.fn();
    const { rerender } = render(<Transcript turns={turnsOf(2)} earlier={{ status: "more", load }} emptyState={null} {...renderers} />);
    await userEvent.click(screen.getByRole("button", { name: "Load earlier messages" }));
    expect(load).toHaveBeenCalledTimes(1);
    rerender(<Transcript turns={turnsOf(2)} earlier={{ status: "loading" }} emptyState={null} {...renderers} />);
    expect(screen.getByRole("status").textContent).toBe("Loading earlier messages…");
    rerender(<Transcript turns={turnsOf(2)} earlier={{ status: "failed", error: "request timed out", load }} emptyState={null} {...renderers} />);
    expect(screen.getByRole("alert").textContent).toBe("Could not load earlier messages: request timed outTry again");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("leaves a timeline the reader opened at the end where it was, instead of scrolling its toggle away", () => {
    const withToggle = { ...renderers, renderAssistant: (turn: Turn) => <button type="button" aria-expanded="false">{`Timeline of ${turn.replyText}`}</button> };
    render(<Transcript turns={turnsOf(3)} earlier={{ status: "complete" }} emptyState={null} {...withToggle} />);
    const log = screen.getByRole("log", { name: "Transcript" });
    const scroller = log.parentElement as HTMLElement;
    setScrollBox(scroller, { scrollHeight: 1000, clientHeight: 400 });
    scroller.scrollTop = 600;
    fireEvent.scroll(scroller);

    fireEvent.click(screen.getByRole("button", { name: "Timeline of Answer 2" }));
    setScrollBox(scroller, { scrollHeight: 1600, clientHeight: 400 });
    FakeResizeObserver.resized(log);
    expect(scroller.scrollTop).toBe(600);
  });

  // What the stick-to-bottom hook does is tested beside it; this checks the transcript watches both its box and its log.
  it("stays at the end when the composer below takes room from it or a panel in it opens", () => {
    render(<Transcript turns={turnsOf(3)} earlier={{ status: "complete" }} emptyState={null} {...renderers} />);
    const log = screen.getByRole("log", { name: "Transcript" });
    const scroller = log.parentElement as HTMLElement;
    setScrollBox(scroller, { scrollHeight: 1000, clientHeight: 400 });
    scroller.scrollTop = 600;
    fireEvent.scroll(scroller);

    setScrollBox(scroller, { scrollHeight: 1000, clientHeight: 250 });
    FakeResizeObserver.resized(scroller);
    expect(scroller.scrollTop).toBe(1000);
    setScrollBox(scroller, { scrollHeight: 1400, clientHeight: 250 });
    FakeResizeObserver.resized(log);
    expect(scroller.scrollTop).toBe(1400);
  });
});
