// Jest setup provided by Grafana scaffolding, for the jsdom tests; the browser test
// (src/__browser__, @jest-environment node) drives a real Chromium and needs none of it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');

  // jsdom does no layout, so every element measures 0×0 and virtualized lists would mount no
  // rows. Give elements a viewport-sized box so list tests see the rows a browser would.
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get: () => 800 },
    clientHeight: { configurable: true, get: () => 800 },
    clientWidth: { configurable: true, get: () => 1200 },
    offsetWidth: { configurable: true, get: () => 1200 },
  });

  // jsdom has no canvas; @grafana/ui's Combobox sizes itself with a 2D context's measureText.
  HTMLCanvasElement.prototype.getContext = function () {
    return { font: '', measureText: (text) => ({ width: String(text).length * 7 }) };
  };

  // jsdom has no ResizeObserver or IntersectionObserver (@grafana/ui's Drawer uses both);
  // nothing resizes or scrolls into view in jsdom, so observers that never fire are faithful.
  class InertObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  global.ResizeObserver ??= InertObserver;
  global.IntersectionObserver ??= InertObserver;

  // CI runs on a loaded 2-core machine: give findBy/waitFor room before calling a test failed.
  require('@testing-library/react').configure({ asyncUtilTimeout: 15000 });
}
