#!/usr/bin/env node
// The browser harness's backend: serves the harness bundle and answers Grafana's data source
// proxy paths from fixture records: Loki's (/api/datasources/proxy/uid/<uid>/loki/api/v1/
// query_range, .../query, .../labels) with the fake Loki in fakeLoki.mjs, which indexes
// event_name, integration_tool and integration_log_type as labels unless given the `metadata`
// layout, and Prometheus's api/v1/query_range over the records' span metrics (fakePrometheus.mjs).
// Listens on 127.0.0.1, port 0 (dynamic) unless given.
//   node harness/server.mjs [port] [labels|metadata]     (after `npm run build:harness`)
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerLoki, BadQueryError, recordsOf } from './fakeLoki.mjs';
import { answerPrometheus } from './fakePrometheus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, 'dist');
const FIXTURES = join(here, '..', 'test', 'fixtures');
// @grafana/ui's icons ship in its package; Grafana serves them at <public path>build/img/icons/.
const uiMain = createRequire(import.meta.url).resolve('@grafana/ui');
const UI_ICONS = join(uiMain.slice(0, uiMain.lastIndexOf('/dist/') + '/dist/'.length), 'public', 'img', 'icons');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Loki records to serve: every recorded Loki streams response (exact duplicates removed) if
 * there are any, else the hand-made set; plus, always, the hand-made extra-*.json responses
 * other features add for their own pages (dated outside the recorded range).
 */
export function fixtureRecords() {
  const recordedDir = join(FIXTURES, 'recorded', 'loki');
  const handmadeDir = join(FIXTURES, 'handmade');
  const recorded = (existsSync(recordedDir) ? readdirSync(recordedDir).filter((f) => f.endsWith('.json')) : [])
    .map((f) => readJson(join(recordedDir, f)))
    .filter((r) => r?.data?.resultType === 'streams');
  const extras = readdirSync(handmadeDir)
    .filter((f) => /^extra-.*\.json$/.test(f))
    .sort()
    .map((f) => readJson(join(handmadeDir, f)));
  const base = recorded.length > 0 ? recorded : [readJson(join(handmadeDir, 'loki-all-records.json'))];
  const seen = new Set();
  const records = [...base, ...extras].flatMap(recordsOf).filter((r) => {
    // the same record recorded by several queries (exact duplicates only)
    const key = `${r.tsNs}|${r.labels.span_id}|${r.labels.event_name}|${r.line}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { source: recorded.length > 0 ? 'recorded' : 'handmade', records };
}

/** Recorded Tempo /api/v2/traces bodies by trace id (hex). */
function recordedTempoTraces() {
  const dir = join(FIXTURES, 'recorded', 'tempo');
  const traces = new Map();
  for (const f of existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('trace-v2-')) : []) {
    const body = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const span = body?.trace?.resourceSpans?.[0]?.scopeSpans?.[0]?.spans?.[0];
    if (span?.traceId) {
      traces.set(Buffer.from(span.traceId, 'base64').toString('hex'), body);
    }
  }
  return traces;
}

const TYPES = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

const INDEX = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>integration-logs harness</title>
<link rel="stylesheet" href="/harness/harness.css">
<script>window.__grafana_public_path__ = '/public/';</script></head>
<body><div id="root"></div><script type="module" src="/harness/harness.js"></script></body></html>`;

export function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

/** Sends the file at relPath below root, or a 404 (also for paths that leave root). */
export function sendFile(res, root, relPath) {
  const file = normalize(join(root, relPath));
  if (!file.startsWith(root) || !existsSync(file)) {
    return send(res, 404, 'not found', 'text/plain');
  }
  return send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
}

/**
 * Starts the server. options.records replaces the fixture records (the bench serves 10k
 * generated operations); options.datasources lists the uids that exist (default loki, tempo);
 * options.lokiLayout is the fake Loki's layout (default labels); options.serve(url, res), if
 * given, sees every request first and returns true for those it answered.
 */
export async function startHarnessServer(options = {}) {
  const records = options.records ?? fixtureRecords().records;
  const layout = options.lokiLayout ?? 'labels';
  const uids = new Set(options.datasources ?? ['loki', 'tempo', 'prometheus']);
  const tempoTraces = recordedTempoTraces();
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (options.serve?.(url, res)) {
      return;
    }
    const proxy = url.pathname.match(/^\/api\/datasources\/proxy\/uid\/([^/]+)\/(.*)$/);
    if (proxy) {
      const [, uid, rest] = proxy;
      requests.push({ uid, path: rest, params: Object.fromEntries(url.searchParams) });
      if (!uids.has(decodeURIComponent(uid))) {
        return send(res, 404, { message: 'Unable to find datasource' });
      }
      if (rest.startsWith('loki/api/v1/') || rest.startsWith('api/v1/')) {
        try {
          const params = Object.fromEntries(url.searchParams);
          const answer = rest.startsWith('loki/')
            ? answerLoki(records, rest, params, layout)
            : answerPrometheus(records, rest, params);
          return answer ? send(res, 200, answer) : send(res, 404, 'not found', 'text/plain');
        } catch (err) {
          if (err instanceof BadQueryError) {
            return send(res, 400, `parse error: ${err.message}`, 'text/plain');
          }
          return send(res, 500, String(err), 'text/plain');
        }
      }
      const trace = rest.match(/^api\/v2\/traces\/([0-9a-fA-F]+)$/);
      if (trace) {
        // Tempo answers an unknown trace id with 200 and an empty trace (recorded behaviour)
        return send(res, 200, tempoTraces.get(trace[1].toLowerCase()) ?? { trace: {}, metrics: {} });
      }
      return send(res, 404, 'not found', 'text/plain');
    }
    if (url.pathname.startsWith('/harness/')) {
      return sendFile(res, DIST, url.pathname.slice('/harness/'.length));
    }
    if (url.pathname.startsWith('/public/build/img/icons/')) {
      const file = normalize(join(UI_ICONS, url.pathname.slice('/public/build/img/icons/'.length)));
      if (file.startsWith(UI_ICONS) && existsSync(file)) {
        return send(res, 200, readFileSync(file), 'image/svg+xml');
      }
    }
    if (url.pathname.includes('/public/')) {
      // Grafana's own static files (the Inter/Roboto fonts of GlobalStyles) are not part of
      // the packages; the browser falls back to system fonts.
      return send(res, 404, 'not found', 'text/plain');
    }
    return send(res, 200, INDEX, 'text/html');
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lokiLayout = process.argv[3] ?? 'labels';
  const server = await startHarnessServer({ port: Number(process.argv[2] ?? 0), lokiLayout });
  console.log(
    `harness on ${server.url}/a/integrationlogs-app/logs (${fixtureRecords().source} fixtures, Loki layout ${lokiLayout})`
  );
}
