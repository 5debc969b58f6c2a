import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Badge, Button, ClipboardButton, Drawer, Modal, Stack, useStyles2 } from '@grafana/ui';
import { toCurl } from '../../domain/curl';
import { HttpMessage, RequestLog } from '../../domain/types';
import { formatBytes, prettyBody } from '../../utils/body';
import { formatDuration, formatTime, statusColor } from '../../utils/format';
import { testIds } from '../testIds';

function Headers({ headers }: { headers: HttpMessage['headers'] }) {
  const s = useStyles2(getStyles);
  const entries = Object.entries(headers);
  if (entries.length === 0) {
    return <div className={s.muted}>No headers logged.</div>;
  }
  return (
    <table className={s.headers}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th>{name}</th>
            <td>{Array.isArray(value) ? value.join(', ') : value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Body({ message, testId }: { message: HttpMessage; testId: string }) {
  const s = useStyles2(getStyles);
  const { text, language } = prettyBody(message.body, message.bodyEncoding);
  return (
    <>
      {message.bodyTruncated && (
        <Alert severity="info" title="Body truncated" data-testid={testIds.requests.truncated}>
          Only the first part was logged; the full body was {formatBytes(message.bodySize)}.
        </Alert>
      )}
      {text === '' ? (
        <div className={s.muted}>No body.</div>
      ) : (
        <pre className={s.pre} data-testid={testId} data-language={language}>
          {language === 'base64'
            ? `(binary, base64)\n${text}`
            : language === 'partial-json'
              ? `${text}\n… (truncated)`
              : text}
        </pre>
      )}
    </>
  );
}

/** The facts above the headers: timing, server, span, retry, rate limit and error. Pure. */
function requestFacts(request: RequestLog): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    ['Time', formatTime(request.timeMs)],
    ['Duration', formatDuration(request.durationMs)],
    ['Server', request.serverAddress || '–'],
    ['Span id', request.spanId],
  ];
  if (request.resendCount !== null && request.resendCount > 0) {
    facts.push(['Retry attempt', String(request.resendCount)]);
  }
  if (request.retryAfterS !== null) {
    facts.push(['Retry-After', `${request.retryAfterS} s`]);
  }
  if (request.rateLimit) {
    const { limit, remaining, reset } = request.rateLimit;
    const left =
      remaining && limit ? `${remaining} of ${limit} left` : remaining ? `${remaining} left` : `limit ${limit || '?'}`;
    facts.push(['Rate limit', reset ? `${left}, resets ${reset}` : left]);
  }
  if (request.errorType) {
    facts.push(['Error', request.errorType]);
  }
  return facts;
}

/**
 * The details of one request: redacted headers and bodies, retry and rate-limit facts.
 * `actions` go next to its own buttons (the Requests page links the request's operation).
 */
export function RequestDrawer({
  request,
  onClose,
  actions,
}: {
  request: RequestLog;
  onClose: () => void;
  actions?: React.ReactNode;
}) {
  const s = useStyles2(getStyles);
  const [fullResponse, setFullResponse] = useState(false);
  return (
    <Drawer
      title={`${request.method} ${request.path}`}
      subtitle={
        <Stack gap={1} alignItems="center">
          <Badge
            text={request.status === null ? 'no response' : String(request.status)}
            color={statusColor(request.status)}
          />
          <span className={s.url}>{request.url}</span>
        </Stack>
      }
      size="md"
      onClose={onClose}
    >
      <div data-testid={testIds.requests.drawer} className={s.content}>
        <DrawerButtons request={request} onOpenResponse={() => setFullResponse(true)} actions={actions} />
        <dl className={s.facts}>
          {requestFacts(request).map(([k, v]) => (
            <React.Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </React.Fragment>
          ))}
        </dl>
        {request.bodyParseError && (
          <Alert severity="warning" title="Request details unreadable">
            {request.bodyParseError}
          </Alert>
        )}
        <p className={s.muted}>
          Sensitive headers, query values and body fields were redacted before they were logged.
        </p>
        <Messages request={request} />
      </div>
      {fullResponse && request.response && (
        <Modal
          title={`Response ${request.response.status} · ${request.method} ${request.path}`}
          isOpen
          onDismiss={() => setFullResponse(false)}
          className={s.modal}
        >
          <div data-testid={testIds.requests.fullResponse}>
            <Headers headers={request.response.headers} />
            <Body message={request.response} testId={`${testIds.requests.fullResponse}-body`} />
          </div>
        </Modal>
      )}
    </Drawer>
  );
}

function DrawerButtons(props: { request: RequestLog; onOpenResponse: () => void; actions?: React.ReactNode }) {
  const { request, onOpenResponse, actions } = props;
  return (
    <Stack gap={1}>
      {request.request && (
        <ClipboardButton
          icon="copy"
          variant="secondary"
          getText={() => toCurl(request.request!)}
          data-testid={testIds.requests.copyCurl}
        >
          Copy as cURL
        </ClipboardButton>
      )}
      {request.response && (
        <Button
          icon="external-link-alt"
          variant="secondary"
          onClick={onOpenResponse}
          data-testid={testIds.requests.openResponse}
        >
          Open response
        </Button>
      )}
      {actions}
    </Stack>
  );
}

/** The request's and the response's headers and bodies, or why they are missing. */
function Messages({ request }: { request: RequestLog }) {
  const s = useStyles2(getStyles);
  return (
    <>
      <h4>Request headers</h4>
      {request.request ? <Headers headers={request.request.headers} /> : <div className={s.muted}>Not logged.</div>}
      <h4>Request body</h4>
      {request.request ? <Body message={request.request} testId={testIds.requests.requestBody} /> : null}
      <h4>Response headers</h4>
      {request.response ? (
        <Headers headers={request.response.headers} />
      ) : (
        <div className={s.muted}>No response arrived{request.errorType ? ` (${request.errorType})` : ''}.</div>
      )}
      <h4>Response body</h4>
      {request.response ? <Body message={request.response} testId={testIds.requests.responseBody} /> : null}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  content: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    minWidth: 0,
    maxWidth: '100%',
    h4: { marginTop: theme.spacing(2) },
  }),
  url: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    wordBreak: 'break-all',
  }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(1, 0),
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, fontFamily: theme.typography.fontFamilyMonospace, wordBreak: 'break-all' },
  }),
  headers: css({
    width: '100%',
    tableLayout: 'fixed',
    fontSize: theme.typography.bodySmall.fontSize,
    fontFamily: theme.typography.fontFamilyMonospace,
    th: {
      width: '35%',
      textAlign: 'left',
      fontWeight: theme.typography.fontWeightMedium,
      paddingRight: theme.spacing(2),
      verticalAlign: 'top',
      overflowWrap: 'anywhere',
    },
    td: { overflowWrap: 'anywhere' },
  }),
  pre: css({
    maxHeight: 480,
    maxWidth: '100%',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  modal: css({ width: '90vw', maxWidth: 1400 }),
});
