import { LoadingState, type DataFrame, type FieldConfigSource, type PanelProps, type TimeRange } from '@grafana/data';

export interface HarnessPanel {
  series: DataFrame[];
  timeRange: TimeRange;
  options: object;
  fieldConfig: FieldConfigSource;
  width: number;
  height: number;
  title: string;
}

/** The props Grafana's panel renderer passes a panel, for data that has already loaded. */
export function harnessPanelProps(p: HarnessPanel): PanelProps {
  return {
    id: 1,
    data: { series: p.series, state: LoadingState.Done, timeRange: p.timeRange },
    timeRange: p.timeRange,
    timeZone: 'utc',
    options: p.options,
    fieldConfig: p.fieldConfig,
    width: p.width,
    height: p.height,
    title: p.title,
    transparent: false,
    renderCounter: 1,
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
    replaceVariables: (s: string) => s,
  } as unknown as PanelProps;
}
