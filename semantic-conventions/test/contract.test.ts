// The module's own rules: label forms follow the OTLP normalisation, standard names are
// OpenTelemetry's, and every exported name is unique where it must be.
import * as stable from '@opentelemetry/semantic-conventions';
import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import * as contract from '../src/index.js';
import {
  ATTRIBUTES,
  labelName,
  LOKI_LABELS,
  prometheusCounterName,
  SYNC_RECORD_KINDS,
  SYNC_RECORD_LABELS,
} from '../src/index.js';

test('label names are what Loki and Prometheus make of an OTLP name', () => {
  expect(labelName('integration.flow.end_user.id')).toBe('integration_flow_end_user_id');
  expect(labelName('http.request.header.x-request-id')).toBe('http_request_header_x_request_id');
  expect(prometheusCounterName('integration.operations')).toBe('integration_operations_total');
  for (const label of Object.values(LOKI_LABELS)) expect(label).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
});

test('every attribute has one label, and no two attributes share one', () => {
  const labels = Object.values(ATTRIBUTES).map(labelName);
  expect(new Set(labels).size).toBe(labels.length);
  for (const [key, name] of Object.entries(ATTRIBUTES))
    expect(LOKI_LABELS[key as keyof typeof ATTRIBUTES]).toBe(labelName(name));
  expect(SYNC_RECORD_KINDS.map((kind) => SYNC_RECORD_LABELS[kind])).toEqual(
    SYNC_RECORD_KINDS.map((kind) => `integration_sync_records_${kind}`)
  );
});

test('the map of attributes holds every ATTR_ constant', () => {
  const constants = Object.entries(contract)
    .filter(([name]) => name.startsWith('ATTR_'))
    .map(([, value]) => value);
  expect([...Object.values(ATTRIBUTES)].sort()).toEqual([...constants].sort());
});

test('names outside integration.* are OpenTelemetry semantic conventions, under the same constant name', () => {
  const otel: Record<string, unknown> = { ...incubating, ...stable };
  const standard = Object.entries(contract).filter(
    ([name, value]) => name.startsWith('ATTR_') && typeof value === 'string' && !value.startsWith('integration.')
  );
  expect(standard.length).toBeGreaterThan(5);
  for (const [name, value] of standard) expect({ name, value: otel[name] }).toEqual({ name, value });
});
