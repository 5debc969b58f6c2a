/**
 * A failure the SDK recovers from is reported through the OpenTelemetry diag logger, by
 * what failed and what was done instead, without the error's message (which may quote the
 * data being redacted); reporting never breaks the caller either.
 */
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { createRedactor } from '../src/redaction/index.js';

const SECRET = 'sk_live_51HxYzAbCdEfGhIjKlMnOpQr';

/** Headers whose keys cannot be listed, with an error that quotes a secret. */
function hostileHeaders(): Record<string, string> {
  return new Proxy(
    { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
    {
      ownKeys() {
        throw new TypeError(`cannot list keys of ${SECRET}`);
      },
    }
  );
}

function logger(log: (line: string) => void): DiagLogger {
  const collect = (...args: unknown[]) => log(args.map(String).join(' '));
  return { error: collect, warn: collect, info: collect, debug: collect, verbose: collect };
}

afterEach(() => diag.disable());

test('a header object that cannot be read is reported at debug level, without the error message', () => {
  const lines: string[] = [];
  diag.setLogger(
    logger((l) => lines.push(l)),
    DiagLogLevel.DEBUG
  );
  const redactor = createRedactor();

  expect(redactor.headers(hostileHeaders())).toEqual({});

  const ours = lines.filter((l) => l.startsWith('integration-logs:'));
  expect(ours).toHaveLength(1);
  expect(ours[0]).toMatch(
    /^integration-logs: reading a header object failed; kept the headers redacted so far \(TypeError at .+\)$/
  );
  expect(ours[0]).not.toContain(SECRET);
});

test('above debug level nothing is reported; with a logger that throws the redactor still returns', () => {
  const lines: string[] = [];
  diag.setLogger(
    logger((l) => lines.push(l)),
    DiagLogLevel.WARN
  );
  expect(createRedactor().headers(hostileHeaders())).toEqual({});
  expect(lines).toEqual([]);

  diag.disable();
  let thrown = 0;
  diag.setLogger(
    logger((l) => {
      if (!l.startsWith('integration-logs:')) return;
      thrown++;
      throw new Error('logger failed');
    }),
    DiagLogLevel.ALL
  );
  expect(createRedactor().headers(hostileHeaders())).toEqual({});
  expect(thrown).toBe(1);
});
