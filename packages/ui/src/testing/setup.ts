import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// antd pages render slowly in jsdom; on a loaded 2-core CI machine a first render can take
// seconds, and the 1 s default made findBy* fail on time rather than on content.
configure({ asyncUtilTimeout: 5_000 });

// antd reads these browser APIs, which jsdom lacks.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (!window.getComputedStyle) window.getComputedStyle = () => ({ getPropertyValue: () => '' }) as unknown as CSSStyleDeclaration;

afterEach(() => cleanup());
