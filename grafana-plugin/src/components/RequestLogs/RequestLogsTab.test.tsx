import React from 'react';
import { render as rtlRender, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { RequestLogsTab } from './RequestLogsTab';
import { testIds } from '../testIds';
import { toRequestLog } from '../../domain/requests';
import { Operation, OperationRecords, RequestLog } from '../../domain/types';

function requests(n: number): RequestLog[] {
  return Array.from({ length: n }, (_, i) =>
    toRequestLog({
      timestampNs: `${1_700_000_000_000 + i}000000`,
      timeMs: 1_700_000_000_000 + i,
      eventName: 'integration.request',
      traceId: 't',
      spanId: i.toString(16).padStart(16, '0'),
      body: '{}',
      attributes: {
        event_name: 'integration.request',
        http_request_method: 'GET',
        url_template: `/v1/items/{id}`,
        http_response_status_code: i % 50 === 0 ? '429' : i % 70 === 0 ? '502' : '200',
        integration_request_duration_ms: '12',
        ...(i % 50 === 0 ? { integration_ratelimit_retry_after_s: '3' } : {}),
      },
    })!
  );
}

const render = (ui: React.ReactElement) => rtlRender(<MemoryRouter>{ui}</MemoryRouter>);
const records = (reqs: RequestLog[]): OperationRecords => ({
  requests: reqs,
  syncModels: [],
  warnings: [],
  flowEvents: [],
  all: [],
});

describe('RequestLogsTab', () => {
  it('mounts only the visible rows of 5,000 requests and counts 4xx/5xx over all of them', () => {
    render(<RequestLogsTab operation={{} as Operation} records={records(requests(5000))} />);
    const rows = screen.getAllByTestId(testIds.requests.row);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    expect(screen.getByTestId(testIds.requests.table)).toHaveAttribute('aria-rowcount', '5000');
    expect(screen.getByText('5,000 requests')).toBeInTheDocument();
    expect(screen.getByText('100 4xx')).toBeInTheDocument();
    expect(screen.getByText(`${Math.ceil(5000 / 70) - Math.ceil(5000 / 350)} 5xx`)).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('Retry-After 3s');
  });

  it('says so when an operation made no requests', () => {
    render(<RequestLogsTab operation={{} as Operation} records={records([])} />);
    expect(screen.getByTestId(testIds.requests.empty)).toHaveTextContent('made no HTTP requests');
  });
});
