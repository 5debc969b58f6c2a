import { isTraceId, normalizeTraceId } from './traceId';

describe('normalizeTraceId', () => {
  it.each([
    // Tempo 3 search dropped the leading zero of this one.
    ['8a3c5e1f2b4d6a7c9e0f1a2b3c4d5e6', '08a3c5e1f2b4d6a7c9e0f1a2b3c4d5e6'],
    ['4BF92F3577B34DA6A3CE929D0E0E4736', '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['  4bf92f3577b34da6a3ce929d0e0e4736\n', '4bf92f3577b34da6a3ce929d0e0e4736'],
    // A 64-bit id is the W3C id left-padded with zeros.
    ['A3CE929D0E0E4736', '0000000000000000a3ce929d0e0e4736'],
    ['1', '00000000000000000000000000000001'],
  ])('%j becomes %j', (input, expected) => {
    expect(normalizeTraceId(input)).toBe(expected);
    expect(normalizeTraceId(expected)).toBe(expected); // idempotent
  });

  it.each([
    ['', ''],
    [' not-a-trace ', 'not-a-trace'],
    ['0af7651916cd43dd8448eb211c80319c0', '0af7651916cd43dd8448eb211c80319c0'], // 33 characters
    ['QZNgcd/XrZEv7oKE/S1wCA==', 'QZNgcd/XrZEv7oKE/S1wCA=='],
  ])('leaves %j, which is no trace id, trimmed but otherwise alone', (input, expected) => {
    expect(normalizeTraceId(input)).toBe(expected);
    expect(isTraceId(input)).toBe(false);
  });

  it('takes missing values', () => {
    expect(normalizeTraceId(undefined)).toBe('');
    expect(normalizeTraceId(null)).toBe('');
  });
});
