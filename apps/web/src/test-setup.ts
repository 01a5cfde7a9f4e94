import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n from './i18n';

// English loads on demand in the app; the specs read it synchronously.
await i18n.loadLanguages('en');

// jsdom lacks what Mantine and the pages read: matchMedia (colour scheme), ResizeObserver (charts)
// and scrollIntoView (focus on the first open question).
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    addEventListener() {},
    removeEventListener() {},
  }) as unknown as MediaQueryList;
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= () => undefined;

afterEach(() => cleanup());
