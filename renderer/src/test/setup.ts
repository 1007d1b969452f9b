import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import '../../../electron/core/domain/zod-locale';

/**
 * findBy…/waitFor give up after 1 s by default. The screens under test answer through a real
 * core (disk writes, hashing) and render Mantine in jsdom, which on a busy 2-core machine takes
 * longer than that; a wait that succeeds costs only the time it takes, so a generous ceiling
 * makes no passing test slower.
 */
configure({ asyncUtilTimeout: 10_000 });

/**
 * jsdom lacks a few browser APIs that Mantine uses (media queries, element resizing,
 * scrolling). These stubs only make the calls harmless; no test asserts on them.
 */
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

if (!('fonts' in document)) {
  // Textarea autosize re-measures when web fonts finish loading.
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
window.scrollTo = () => {};

const style = window.getComputedStyle;
// Mantine asks for pseudo-element styles, which jsdom does not implement and logs about.
window.getComputedStyle = (el: Element) => style(el);

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  delete window.ppid;
  window.history.replaceState(null, '', '/');
});
