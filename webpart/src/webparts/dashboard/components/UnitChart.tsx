import * as React from 'react';
import { ChartProps, HorizontalBarChart, Legend } from '@fluentui/react-charts';
import { makeStyles } from '@fluentui/react-components';
import { CategoryKey, ICategory, IStatusCounts } from '../../../common/api/ApiTypes';
import { useStrings } from '../../../common/ui/StringsContext';

const colors: Record<CategoryKey | 'Ongoing', string> = {
  CompletedOnTime: '#107c10',
  CompletedLate: '#8a8886',
  InProgressOnTime: '#0f6cbd',
  InProgressOverdue: '#c50f1f',
  Ongoing: '#b4a0ff'
};

const useStyles = makeStyles({
  figure: { margin: '0', minWidth: '0' },
  // The charts' legend capitalises each word ("Hoàn Thành Đúng Hạn"); the status words are written in sentence case.
  legend: { textTransform: 'none' }
});

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

/**
 * The chart's legend: each category once, as the API words it, then ongoing (the chart would list them once per unit).
 */
export function unitChartLegends(categories: readonly ICategory[], ongoingLabel: string): Legend[] {
  const legends: Legend[] = [...categories.map((c) => ({ title: c.label, color: colors[c.key] })), { title: ongoingLabel, color: colors.Ongoing }];
  return legends.filter((legend, index) => legends.findIndex((l) => l.title === legend.title) === index);
}

export interface IUnitChartProps {
  readonly categories: readonly ICategory[];
  readonly units: readonly IStatusCounts[];
  readonly ongoingLabel: string;
}

export const UnitChart: React.FC<IUnitChartProps> = ({ categories, units, ongoingLabel }) => {
  const s = useStrings();
  const styles = useStyles();
  if (units.length === 0) {
    return null;
  }

  return (
    <figure className={styles.figure} aria-label={s.ChartLabel} data-chart="units">
      <HorizontalBarChart data={unitChartData(categories, units, ongoingLabel)} chartDataMode="fraction"
        legendProps={{
          legends: unitChartLegends(categories, ongoingLabel),
          styles: { legend: styles.legend },
          enabledWrapLines: true,
          overflowText: s.ChartMoreLegends,
          allowFocusOnLegends: false
        }} />
    </figure>
  );
};
