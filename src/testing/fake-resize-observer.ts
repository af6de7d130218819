/**
 * jsdom has no layout, so no ResizeObserver: this one is told by the test which element changed size, and calls
 * every observer watching it, as the browser would after a layout.
 */
export class FakeResizeObserver {
  static live = new Set<FakeResizeObserver>();
  private readonly watched = new Set<Element>();

  constructor(private readonly callback: ResizeObserverCallback) {}

  observe(element: Element): void {
    this.watched.add(element);
    FakeResizeObserver.live.add(this);
  }

  unobserve(element: Element): void {
    this.watched.delete(element);
  }

  disconnect(): void {
    this.watched.clear();
    FakeResizeObserver.live.delete(this);
  }

  /** The browser's report that `element` changed size. */
  static resized(element: Element): void {
    for (const observer of FakeResizeObserver.live) {
      if (observer.watched.has(element)) observer.callback([{ target: element } as ResizeObserverEntry], observer as unknown as ResizeObserver);
    }
  }
}

/** Gives a jsdom element the scroll box a browser would have measured. */
export function setScrollBox(element: HTMLElement, box: { scrollHeight: number; clientHeight: number }): void {
  Object.defineProperty(element, "scrollHeight", { configurable: true, value: box.scrollHeight });
  Object.defineProperty(element, "clientHeight", { configurable: true, value: box.clientHeight });
}
