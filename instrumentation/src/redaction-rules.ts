/**
 * The SDK's default redaction rules as data, for checking another redaction layer (the
 * collector's `redaction` processor) against them:
 * `import { SECRET_VALUE_PATTERNS } from '@integration-logs/instrumentation/redaction-rules'`.
 */
import { createKeyMatcher } from './redaction/keys.js';

export { HEADER_TABLE, type HeaderTreatment } from './redaction/headers.js';
export { SECRET_VALUE_PATTERNS, type SecretPattern } from './redaction/tokens.js';

const defaultKeys = createKeyMatcher();

/** Whether the default rules treat an attribute or JSON key as naming a credential. */
export function isSensitiveKey(key: string): boolean {
  return defaultKeys.isSensitive(key);
}
