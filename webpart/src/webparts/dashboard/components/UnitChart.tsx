import * as React from 'react';
import { ChartProps, HorizontalBarChart } from '@fluentui/react-charts';
import { CategoryKey, ICategory, IStatusCounts } from '../../../common/api/ApiTypes';
import { useStrings } from '../../../common/ui/StringsContext';

const colors: Record<CategoryKey | 'Ongoing', string> = {
  CompletedOnTime: '#107c10',
  CompletedLate: '#8a8886',
  InProgressOnTime: '#0f6cbd',
  InProgressOverdue: '#c50f1f',
  Ongoing: '#b4a0ff'
};

/** One stacked bar per unit from the API's counts (the table under it carries the same numbers for screen readers). */
export function unitChartData(categories: readonly ICategory[], units: readonly IStatusCounts[], ongoingLabel: string): ChartProps[] {
  return units.map((unit) => ({
    chartTitle: unit.name,
    chartData: [
      ...categories.map((c) => ({
        legend: c.label,
        horizontalBarChartdata: { x: unit.counts[c.key], total: unit.total },
        color: colors[c.key]
      })),
      { legend: ongoingLabel, horizontalBarChartdata: { x: unit.ongoing, total: unit.total }, color: colors.Ongoing }
    ]
  }));
}

export interface IUnitChartProps {
  readonly categories: readonly ICategory[];
  readonly units: readonly IStatusCounts[];
  readonly ongoingLabel: string;
}

export const UnitChart: React.FC<IUnitChartProps> = ({ categories, units, ongoingLabel }) => {
  const s = useStrings();
  if (units.length === 0) {
    return null;
  }

  return (
    <figure style={{ margin: 0, minWidth: 0 }} aria-label={s.ChartLabel}>
      <HorizontalBarChart data={unitChartData(categories, units, ongoingLabel)} chartDataMode="fraction"
        legendProps={{ enabledWrapLines: true, overflowText: s.ChartMoreLegends, allowFocusOnLegends: true }} />
    </figure>
  );
};
