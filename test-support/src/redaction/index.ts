// Payload corpora for redaction tests: realistic benign tool payloads that must stay
// visible, generated secrets of every known format that must be hidden, and the
// check that a pattern reads the same in JavaScript and RE2 (the collector's engine).
export * from './benign-corpus.js';
export * from './regex-subset.js';
export * from './secret-corpus.js';
