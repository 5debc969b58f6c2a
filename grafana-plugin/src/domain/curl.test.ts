import { shellQuote, toCurl } from './curl';
import { HttpRequestMessage } from './types';

const base: HttpRequestMessage = {
  method: 'POST',
  url: 'https://api.tool.example/v1/employees?api_key=REDACTED',
  headers: { 'content-type': 'application/json', authorization: '[REDACTED]' },
  body: '{"name":"Ada","password":"[REDACTED]"}',
  bodyEncoding: 'utf8',
  bodySize: 41,
  bodyTruncated: false,
};

describe('toCurl', () => {
  it('repeats method, URL, headers and body, with redacted values left redacted', () => {
    expect(toCurl(base)).toBe(
      [
        '# Values shown as [REDACTED] were removed before logging: fill them in before running.',
        "curl -X 'POST' 'https://api.tool.example/v1/employees?api_key=REDACTED' \\",
        "  -H 'content-type: application/json' \\",
        "  -H 'authorization: [REDACTED]' \\",
        `  --data-raw '{"name":"Ada","password":"[REDACTED]"}'`,
      ].join('\n')
    );
  });

  it('quotes shell metacharacters so the command cannot run anything else', () => {
    const cmd = toCurl({ ...base, headers: {}, url: "https://x.example/?q=it's;rm -rf ~", body: "$(id)`id`'" });
    expect(cmd).toContain(`'https://x.example/?q=it'\\''s;rm -rf ~'`);
    expect(cmd).toContain(`--data-raw '$(id)\`id\`'\\'''`);
  });

  it('decodes base64 bodies and says when a body was truncated', () => {
    const cmd = toCurl({
      ...base,
      headers: {},
      body: 'AAEC',
      bodyEncoding: 'base64',
      bodyTruncated: true,
      bodySize: 99999,
    });
    expect(cmd).toContain("printf %s 'AAEC' | base64 -d | curl -X 'POST'");
    expect(cmd).toContain('--data-binary @-');
    expect(cmd).toContain('truncated (full size 99999 bytes)');
  });

  it('repeats multi-value headers', () => {
    expect(toCurl({ ...base, url: 'https://a.example', body: null, headers: { accept: ['a', 'b'] } })).toBe(
      "curl -X 'POST' 'https://a.example' \\\n  -H 'accept: a' \\\n  -H 'accept: b'"
    );
  });

  it('shellQuote wraps plain text', () => {
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
