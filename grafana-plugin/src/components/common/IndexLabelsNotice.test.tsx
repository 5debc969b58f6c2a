import { render, screen } from '@testing-library/react';
import React from 'react';
import { testIds } from '../testIds';
import { IndexLabelsNotice } from './IndexLabelsNotice';

describe('IndexLabelsNotice', () => {
  it('says why queries read every record and where to turn the index labels on', () => {
    render(<IndexLabelsNotice check={{ layout: 'metadata', unindexed: true }} />);
    const notice = screen.getByTestId(testIds.indexLabelsNotice);
    expect(notice).toHaveTextContent('Queries read every log record in the time range');
    expect(notice).toHaveTextContent(
      'Loki does not index event_name, integration_tool and integration_log_type as labels'
    );
    expect(notice).toHaveTextContent('see the section "Index labels" of provisioning/loki/README.md');
  });

  it.each([
    ['the labels are indexed', { layout: 'labels' as const, unindexed: false }],
    ['Loki could not tell', { layout: 'metadata' as const, unindexed: false }],
    ['the layout is not known yet', null],
  ])('renders nothing when %s', (_case, check) => {
    const { container } = render(<IndexLabelsNotice check={check} />);
    expect(container).toBeEmptyDOMElement();
  });
});
