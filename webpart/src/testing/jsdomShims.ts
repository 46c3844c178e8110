// jsdom has no ResizeObserver; Fluent UI (MessageBar reflow, overflow) needs one to mount. This one never reports a
// resize, which is what a layout-less DOM would report anyway.
class NoResizeObserver {
  public observe(): void {
    /* no layout in jsdom */
  }

  public unobserve(): void {
    /* no layout in jsdom */
  }

  public disconnect(): void {
    /* no layout in jsdom */
  }
}

const target = window as unknown as { ResizeObserver?: unknown };
if (target.ResizeObserver === undefined) {
  target.ResizeObserver = NoResizeObserver;
}
