import { createContextKey, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/**
 * Marks the emit context of a log record whose body the SDK has built entirely from
 * redactor output (the `integration.request` record), so the last-line log processor may
 * skip re-redacting the body. The key is a module-private symbol: user code cannot set it
 * through attributes or bodies.
 */
const PRE_REDACTED = createContextKey('integration-logs.pre-redacted-body');

/** The root context with the mark: `trace.setSpan(PRE_REDACTED_ROOT, span)` makes one context, not two. */
export const PRE_REDACTED_ROOT: Context = ROOT_CONTEXT.setValue(PRE_REDACTED, true);

export function markPreRedacted(ctx: Context): Context {
  return ctx.setValue(PRE_REDACTED, true);
}

export function isPreRedacted(ctx: Context | undefined): boolean {
  return ctx?.getValue(PRE_REDACTED) === true;
}
