import { formatBytes, indentJsonLike, prettyBody } from './body';

describe('prettyBody', () => {
  it('pretty-prints JSON', () => {
    expect(prettyBody('{"a":[1,2]}', 'utf8')).toEqual({ text: '{\n  "a": [\n    1,\n    2\n  ]\n}', language: 'json' });
  });

  it('indents a JSON body cut mid-document without touching strings', () => {
    const { text, language } = prettyBody('{"data":[{"id":0,"name":"a, {b}: \\"c\\""},{"id":1,"na', 'utf8');
    expect(language).toBe('partial-json');
    expect(text).toBe(
      '{\n  "data": [\n    {\n      "id": 0,\n      "name": "a, {b}: \\"c\\""\n    },\n    {\n      "id": 1,\n      "na'
    );
  });

  it('keeps text and base64 bodies as logged', () => {
    expect(prettyBody('plain <b>text</b>', 'utf8')).toEqual({ text: 'plain <b>text</b>', language: 'text' });
    expect(prettyBody('AAEC', 'base64')).toEqual({ text: 'AAEC', language: 'base64' });
    expect(prettyBody(null, 'utf8')).toEqual({ text: '', language: 'text' });
  });

  it('indents like JSON.stringify for valid JSON too', () => {
    const value = { a: [1, { b: 'x,y' }], c: null };
    expect(indentJsonLike(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
  });
});

describe('formatBytes', () => {
  it.each([
    [null, 'unknown size'],
    [512, '512 B'],
    [20_900, '20.4 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
  ])('%p → %p', (n, s) => expect(formatBytes(n)).toBe(s));
});
