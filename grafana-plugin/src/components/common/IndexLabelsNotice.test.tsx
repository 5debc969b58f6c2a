import { render, screen } from '@testing-library/react';
import React from 'react';
import type { LayoutCheck } from '../../api/loki/layout';
import { formatTime } from '../../utils/format';
import { testIds } from '../testIds';
import { IndexLabelsNotice } from './IndexLabelsNotice';

const SINCE = Date.UTC(2026, 10, 20, 12);

describe('IndexLabelsNotice', () => {
  it('says why queries read every record and where to turn the index labels on', () => {
    render(<IndexLabelsNotice check={{ layout: 'metadata', unindexed: true, labelledSinceMs: null }} fromMs={0} />);
    const notice = screen.getByTestId(testIds.indexLabelsNotice);
    expect(notice).toHaveTextContent('Queries read every log record in the time range');
    expect(notice).toHaveTextContent(
      'Loki does not index event_name, integration_tool and integration_log_type as labels'
    );
    expect(notice).toHaveTextContent('see the section "Index labels" of provisioning/loki/README.md');
  });

  it('says when a range reaches back before Loki indexed the labels', () => {
    render(
      <IndexLabelsNotice check={{ layout: 'labels', unindexed: false, labelledSinceMs: SINCE }} fromMs={SINCE - 1} />
    );
    const notice = screen.getByTestId(testIds.indexLabelsNotice);
    expect(notice).toHaveTextContent(`as labels since ${formatTime(SINCE)}`);
    expect(notice).toHaveTextContent(`Ranges from ${formatTime(SINCE)} on read only what they show.`);
  });

  it.each<[string, LayoutCheck | null, number]>([
    ['the labels are indexed', { layout: 'labels', unindexed: false, labelledSinceMs: null }, 0],
    [
      'the range starts after the labels were turned on',
      { layout: 'labels', unindexed: false, labelledSinceMs: SINCE },
      SINCE,
    ],
    ['Loki could not tell', { layout: 'metadata', unindexed: false, labelledSinceMs: null }, 0],
    ['the layout is not known yet', null, 0],
  ])('renders nothing when %s', (_case, check, fromMs) => {
    const { container } = render(<IndexLabelsNotice check={check} fromMs={fromMs} />);
    expect(container).toBeEmptyDOMElement();
  });
});
