// Tempo answers come from responses RECORDED from Tempo 3.0.3 (test/fixtures/recorded/tempo).
import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { of, throwError } from 'rxjs';
import syncPartial from '../../../test/fixtures/recorded/tempo/trace-v2-sync-partial.json';
import notFound from '../../../test/fixtures/recorded/tempo/trace-v2-not-found.json';
import { Operation, OperationRecords, RequestLog } from '../../domain/types';
import { testIds } from '../testIds';
import { TraceTab } from './TraceTab';

let mockAnswer: () => unknown = () => of({ data: syncPartial, status: 200 });
const mockFetch = jest.fn((_req: { url: string }) => mockAnswer());
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: mockFetch }),
}));

const TRACE = 'ed9e5386bea60cf2f11016283b2d5644';
const requestSpanId = Buffer.from(
  syncPartial.trace.resourceSpans[0]!.scopeSpans[0]!.spans.find((s) => s.kind === 'SPAN_KIND_CLIENT')!.spanId,
  'base64'
).toString('hex');
const records: OperationRecords = {
  requests: [{ spanId: requestSpanId } as RequestLog],
  syncModels: [],
  warnings: [],
  flowEvents: [],
  all: [],
};
const operation = { traceId: TRACE } as Operation;

describe('TraceTab', () => {
  beforeEach(() => mockFetch.mockClear());

  it('draws the trace as a waterfall and opens a request from its span', async () => {
    const openRequest = jest.fn();
    render(<TraceTab operation={operation} records={records} openRequest={openRequest} />);
    const rows = await screen.findAllByTestId(testIds.trace.row);
    expect(mockFetch.mock.calls[0]![0].url).toBe(`/api/datasources/proxy/uid/tempo/api/v2/traces/${TRACE}`);
    expect(rows.map((r) => r.querySelector('[role=cell]')!.textContent)).toEqual([
      'sync personio',
      'GET /v1/company/employees',
      'GET /v1/company/employees',
      'POST /v1/company/employees',
    ]);
    const clickable = rows.find((r) => r.getAttribute('title') === 'Open this request')!;
    await act(async () => fireEvent.click(clickable));
    expect(openRequest).toHaveBeenCalledWith(requestSpanId);
  });

  it('says when Tempo has no such trace', async () => {
    mockAnswer = () => of({ data: notFound, status: 200 });
    render(<TraceTab operation={operation} records={records} />);
    expect(await screen.findByTestId(testIds.trace.empty)).toHaveTextContent(`Tempo has no trace ${TRACE}`);
  });

  it('says when Tempo is unreachable', async () => {
    mockAnswer = () => throwError(() => ({ status: 502, data: { message: 'connection refused' } }));
    render(<TraceTab operation={operation} records={records} />);
    expect(await screen.findByTestId(testIds.trace.error)).toHaveTextContent(
      'Tempo (data source "tempo") could not be reached (502)'
    );
  });
});
