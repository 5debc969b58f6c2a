import { type DataFrame, type Field, FieldType } from '@grafana/data';

/** One row of a data frame as a flat record: labels, structured metadata and other columns merged. */
export interface FrameRow {
  labels: Record<string, string>;
  /** Epoch ms, with a fraction when the frame carries nanoseconds. */
  time: number;
  line?: string;
  id?: string;
}

/**
 * Field names of Grafana's Loki log frames (pkg/tsdb/loki/frame.go): the legacy shape
 * `labels, Time, Line, tsNs, [labelTypes], id` and the dataplane shape (feature toggle
 * lokiLogsDataplane) `labels|attributes, timestamp, body, id, [labelTypes]`; older
 * one-frame-per-stream results name them `ts` and `line`, with the labels on the field.
 */
const LABEL_FIELDS = new Set(['labels', 'attributes']);
const LINE_FIELDS = new Set(['Line', 'body', 'line']);
const SKIPPED_FIELDS = new Set(['labelTypes', 'tsNs', 'id']);

/**
 * Flattens log frames (Loki, or any table with a time column) into rows. Labels come from the
 * `labels` JSON field, from each field's own labels (metric frames) and from every other string
 * or number column, so a table with one column per attribute works as well as a Loki frame.
 */
export function rowsFromFrames(frames: DataFrame[]): FrameRow[] {
  const rows: FrameRow[] = [];
  for (const frame of frames) {
    const time = pickTimeField(frame);
    if (time === undefined) {
      continue;
    }
    const labelsField = frame.fields.find((f) => LABEL_FIELDS.has(f.name) && f.type === FieldType.other);
    const lineField = frame.fields.find((f) => LINE_FIELDS.has(f.name) && f.type === FieldType.string);
    const tsNsField = frame.fields.find((f) => f.name === 'tsNs');
    const idField = frame.fields.find((f) => f.name === 'id' && f.type === FieldType.string);
    const columns = frame.fields.filter(
      (f) =>
        f !== time &&
        f !== labelsField &&
        f !== lineField &&
        !SKIPPED_FIELDS.has(f.name) &&
        (f.type === FieldType.string || f.type === FieldType.number || f.type === FieldType.enum)
    );
    const fieldLabels: Record<string, string> = {};
    for (const field of frame.fields) {
      Object.assign(fieldLabels, field.labels ?? {});
    }

    for (let i = 0; i < frame.length; i++) {
      const ms = preciseTime(time, tsNsField, i);
      if (ms === undefined) {
        continue;
      }
      const labels: Record<string, string> = { ...fieldLabels, ...labelObject(labelsField?.values[i]) };
      for (const column of columns) {
        const value = column.values[i];
        if (value !== null && value !== undefined && value !== '') {
          labels[column.name] = String(value);
        }
      }
      const row: FrameRow = { labels, time: ms };
      const line = lineField?.values[i];
      if (typeof line === 'string') {
        row.line = line;
      }
      const id = idField?.values[i];
      if (typeof id === 'string' && id !== '') {
        row.id = canonicalLokiId(id);
      }
      rows.push(row);
    }
  }
  return rows;
}

function pickTimeField(frame: DataFrame): Field | undefined {
  const times = frame.fields.filter((f) => f.type === FieldType.time);
  return times.find((f) => f.name === 'Time' || f.name === 'timestamp') ?? times[0];
}

function toMs(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'string' && value !== '') {
    const n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Nanosecond precision when the frame has it (the tsNs column or the time field's `nanos`). */
function preciseTime(time: Field, tsNs: Field | undefined, i: number): number | undefined {
  const ns = tsNs?.values[i];
  if (typeof ns === 'string' && /^\d{10,}$/.test(ns)) {
    return Number(ns) / 1e6;
  }
  const ms = toMs(time.values[i]);
  const nanos = time.nanos?.[i];
  return ms !== undefined && typeof nanos === 'number' ? ms + nanos / 1e6 : ms;
}

function labelObject(value: unknown): Record<string, string> {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v !== null && v !== undefined) {
      out[key] = typeof v === 'string' ? v : String(v);
    }
  }
  return out;
}

/**
 * Grafana makes ids of identical rows unique by appending `_1`, `_2`, ... to `<tsNs>_<hash>`
 * (frame.go makeIdField). Identical rows are the same record delivered twice, so the suffix
 * is dropped: the sessionizer then keeps one of them.
 */
export function canonicalLokiId(id: string): string {
  const match = /^(\d+_[0-9a-f]+)_\d+$/.exec(id);
  return match ? match[1]! : id;
}
