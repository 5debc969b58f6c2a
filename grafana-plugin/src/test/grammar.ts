import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';

/** Hostile filter values: each must stay one string literal in every generated query. */
export const HOSTILE_VALUES = [
  'say "hi"',
  'back\\slash',
  'trailing backslash\\',
  '\\"',
  'back`tick`',
  'new\nline',
  'carriage\r\nreturn\ttab',
  'bell\u0007 and del\u007f',
  '.*[a-z]+(?:x|y)^$',
  '} | line_format "{{.password}}"',
  '"} or {job=~".+"} |= "',
  '" || span.secret = "x',
  'pipe | and } brace { and ) paren (',
  'ünïcödé ✓ 日本語 🚀',
  "single 'quotes'",
  '',
];

interface ParseResult {
  errors: string[];
  strings: string[];
}

function analyse(tree: ReturnType<typeof logqlParser.parse>, text: string): ParseResult {
  const errors: string[] = [];
  const strings: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push(`error at ${node.from}: ${JSON.stringify(text.slice(Math.max(0, node.from - 10), node.to + 10))}`);
      }
      if (node.name === 'String') {
        strings.push(text.slice(node.from, node.to));
      }
    },
  });
  return { errors, strings };
}

/** Parses with Grafana's own LogQL grammar; returns error nodes and string-literal texts. */
export function parseLogQL(query: string): ParseResult {
  return analyse(logqlParser.parse(query), query);
}

/** Parses with Grafana's own TraceQL grammar; returns error nodes and string-literal texts. */
export function parseTraceQL(query: string): ParseResult {
  return analyse(traceqlParser.parse(query), query);
}

/**
 * The literal alternatives of an RE2 pattern made only of escaped literals joined by `|`;
 * throws on any unescaped metacharacter, which would mean a value became regex syntax.
 */
export function regexAlternatives(pattern: string): string[] {
  const alternatives = [''];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[++i];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) {
        throw new Error(`escape \\${next ?? ''} is regex syntax in ${JSON.stringify(pattern)}`);
      }
      alternatives[alternatives.length - 1] += next;
    } else if (ch === '|') {
      alternatives.push('');
    } else if ('.+*?()[]{}^$'.includes(ch)) {
      throw new Error(`unescaped ${ch} in ${JSON.stringify(pattern)}`);
    } else {
      alternatives[alternatives.length - 1] += ch;
    }
  }
  return alternatives;
}

/** Decodes a Go-syntax string literal, double-quoted or raw (what Loki and Tempo do with it). */
export function goUnquote(literal: string): string {
  if (literal.length >= 2 && literal.startsWith('`') && literal.endsWith('`')) {
    const inner = literal.slice(1, -1);
    if (inner.includes('`')) {
      throw new Error(`backtick inside raw literal ${literal}`);
    }
    return inner.replace(/\r/g, '');
  }
  if (literal.length < 2 || literal[0] !== '"' || literal[literal.length - 1] !== '"') {
    throw new Error(`not a double-quoted literal: ${literal}`);
  }
  const inner = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '"' || ch === '\n') {
      throw new Error(`unescaped ${JSON.stringify(ch)} inside literal ${literal}`);
    }
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = inner[++i];
    switch (next) {
      case '\\':
      case '"':
        out += next;
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'x':
        out += String.fromCharCode(parseInt(inner.slice(i + 1, i + 3), 16));
        i += 2;
        break;
      case 'u':
        out += String.fromCharCode(parseInt(inner.slice(i + 1, i + 5), 16));
        i += 4;
        break;
      default:
        throw new Error(`unknown escape \\${next} in ${literal}`);
    }
  }
  return out;
}
