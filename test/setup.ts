import "@testing-library/jest-dom";

// jsdom has no ResizeObserver, which some Fluent UI components (MessageBar) need; a no-op one is enough in tests.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
