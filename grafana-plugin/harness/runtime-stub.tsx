/**
 * What the browser harness puts in place of @grafana/runtime (esbuild alias): the few
 * services the app uses, implemented the way Grafana implements them, over plain browser
 * APIs. getBackendSrv().fetch goes to the harness server, which serves the data source proxy
 * paths; locationService wraps a browser history like Grafana's HistoryWrapper.
 */
import React from 'react';
import { Observable } from 'rxjs';
import { createBrowserHistory, History, Location } from 'history';
import { createTheme, locationUtil, UrlQueryMap, urlUtil } from '@grafana/data';

// ---- backend_srv ----------------------------------------------------------------------

export interface BackendSrvRequest {
  url: string;
  method?: string;
  params?: Record<string, unknown>;
  data?: unknown;
  headers?: Record<string, string>;
  showErrorAlert?: boolean;
  showSuccessAlert?: boolean;
}

export interface FetchResponse<T> {
  data: T;
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  url: string;
  config: BackendSrvRequest;
  redirected: boolean;
  type: string;
}

function withParams(url: string, params?: Record<string, unknown>): string {
  if (!params) {
    return url;
  }
  const qs = urlUtil.toUrlParams(params as UrlQueryMap);
  return qs ? `${url}${url.includes('?') ? '&' : '?'}${qs}` : url;
}

function fetchObservable<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const url = withParams(options.url, options.params);
    window
      .fetch(url, {
        method: options.method ?? 'GET',
        headers: { 'Content-Type': 'application/json', ...options.headers },
        body: options.data === undefined ? undefined : JSON.stringify(options.data),
        signal: controller.signal,
      })
      .then(async (res) => {
        const text = await res.text();
        let data: unknown = text;
        try {
          data = text === '' ? undefined : JSON.parse(text);
        } catch {
          // plain-text body, as Loki sends for query errors
        }
        const response = {
          data: data as T,
          status: res.status,
          statusText: res.statusText,
          ok: res.ok,
          headers: res.headers,
          url: res.url,
          config: options,
          redirected: res.redirected,
          type: res.type,
        };
        if (!res.ok) {
          // Grafana's FetchError shape
          subscriber.error({ status: res.status, statusText: res.statusText, data, config: options });
          return;
        }
        subscriber.next(response);
        subscriber.complete();
      })
      .catch((err: Error) => {
        if (err.name !== 'AbortError') {
          // network failure: Grafana reports status 0... here the same shape
          subscriber.error({ status: 0, statusText: err.message, data: { message: err.message }, config: options });
        }
      });
    return () => controller.abort();
  });
}

const backendSrv = {
  fetch: fetchObservable,
};

export function getBackendSrv() {
  return backendSrv;
}

// ---- location service -------------------------------------------------------------------

export class HistoryWrapper {
  private readonly history: History;
  constructor(history?: History) {
    this.history = history ?? createBrowserHistory();
  }
  getHistory() {
    return this.history;
  }
  getLocation(): Location {
    return this.history.location;
  }
  getSearch() {
    return new URLSearchParams(this.history.location.search);
  }
  getSearchObject(): UrlQueryMap {
    return locationSearchToObject(this.history.location.search);
  }
  getLocationObservable() {
    return new Observable<Location>((s) => this.history.listen((loc: Location) => s.next(loc)));
  }
  partial(query: Record<string, unknown>, replace?: boolean) {
    const current = this.getSearchObject();
    const next: UrlQueryMap = { ...current };
    for (const [key, value] of Object.entries(query)) {
      if (value === null || value === undefined) {
        delete next[key];
      } else {
        next[key] = value as UrlQueryMap[string];
      }
    }
    const search = urlUtil.toUrlParams(next);
    const location = { pathname: this.history.location.pathname, search: search ? `?${search}` : '' };
    replace ? this.history.replace(location) : this.history.push(location);
  }
  push(location: string | Partial<Location>) {
    this.history.push(typeof location === 'string' ? locationUtil.stripBaseFromUrl(location) : location);
  }
  replace(location: string | Partial<Location>) {
    this.history.replace(typeof location === 'string' ? locationUtil.stripBaseFromUrl(location) : location);
  }
  reload() {
    this.history.replace({ ...this.history.location, state: { forceRouteReload: true } });
  }
  update() {
    throw new Error('locationService.update is deprecated');
  }
}

export function locationSearchToObject(search: string | number): UrlQueryMap {
  let query = String(search);
  if (query.startsWith('?')) {
    query = query.slice(1);
  }
  return urlUtil.parseKeyValue(query);
}

export let locationService = new HistoryWrapper();
export const setLocationService = (service: HistoryWrapper) => {
  locationService = service;
};
export const useLocationService = () => locationService;

// ---- config and components --------------------------------------------------------------

export const config = {
  theme2: createTheme({ colors: { mode: 'dark' } }),
  appSubUrl: '',
  bootData: { user: { orgId: 1, timezone: 'browser' }, settings: {} },
  buildInfo: { version: '13.1.1' },
  featureToggles: {},
};

export function PluginPage({
  actions,
  children,
  pageNav,
}: {
  actions?: React.ReactNode;
  children: React.ReactNode;
  pageNav?: { text: string };
}) {
  return (
    <div style={{ padding: 24 }}>
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16, gap: 16 }}
      >
        <h1 style={{ margin: 0, fontSize: 22 }}>{pageNav?.text ?? 'Integration Logs'}</h1>
        <div>{actions}</div>
      </div>
      {children}
    </div>
  );
}

export function DataSourcePicker(): null {
  return null;
}
