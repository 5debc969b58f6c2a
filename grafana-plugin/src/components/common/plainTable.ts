import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/** A plain HTML table in Grafana's look: full width, weak row borders, muted left-aligned headers.
 *  Cells keep their own alignment (numbers right). */
export const plainTable = (theme: GrafanaTheme2) =>
  css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.75, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      verticalAlign: 'middle',
    },
    th: { textAlign: 'left', color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  });
