// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// jsdom does no layout, so every element measures 0×0 and virtualized lists would mount no
// rows. Give elements a viewport-sized box so list tests see the rows a browser would.
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { configurable: true, get: () => 800 },
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1200 },
  offsetWidth: { configurable: true, get: () => 1200 },
});

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
