import * as React from 'react';
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { IOverdueItem } from '../../../common/api/ApiTypes';
import { formatDay } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';

/** Most days overdue first, then by task code; the days themselves are the API's. */
export function sortOverdue(items: readonly IOverdueItem[]): IOverdueItem[] {
  return [...items].sort(
    (a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code, 'vi', { numeric: true }) || a.unit.localeCompare(b.unit)
  );
}

/** The overdue assignments with links to the Planner task and the Phân công list row. */
export const OverdueList: React.FC<{ items: readonly IOverdueItem[] }> = ({ items }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  if (items.length === 0) {
    return <p>{s.OverdueNone}</p>;
  }

  return (
    <div className={layout.scroll} role="region" aria-label={s.OverdueHeading} tabIndex={0}>
      <Table size="small" aria-label={s.OverdueHeading}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{s.ColumnCode}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ColumnTask}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ColumnUnit}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ColumnLastDay}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ColumnDaysOverdue}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ColumnLinks}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sortOverdue(items).map((item) => (
            <TableRow key={`${item.code}|${item.unit}`} data-overdue={item.code}>
              <TableCell>{item.code}</TableCell>
              <TableCell>{item.task}</TableCell>
              <TableCell>{item.unitName}</TableCell>
              <TableCell>{formatDay(item.lastDay)}</TableCell>
              <TableCell className={layout.number}>{item.daysOverdue}</TableCell>
              <TableCell>
                {item.plannerUrl !== null && (
                  <Link href={item.plannerUrl} target="_blank" rel="noopener noreferrer"
                    aria-label={format(s.LinkPlannerFor, item.code, item.unitName)}>
                    {s.LinkPlanner}
                  </Link>
                )}
                {item.plannerUrl !== null && item.listItemUrl !== null && ' · '}
                {item.listItemUrl !== null && (
                  <Link href={item.listItemUrl} target="_blank" rel="noopener noreferrer"
                    aria-label={format(s.LinkListRowFor, item.code, item.unitName)}>
                    {s.LinkListRow}
                  </Link>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
