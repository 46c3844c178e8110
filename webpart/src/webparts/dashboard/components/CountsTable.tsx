import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ICategory, IStatusCounts } from '../../../common/api/ApiTypes';
import { useLayoutStyles } from '../../../common/ui/layout';
import { useStrings } from '../../../common/ui/StringsContext';

export interface ICountsTableProps {
  readonly caption: string;
  readonly firstColumn: string;
  readonly categories: readonly ICategory[];
  readonly rows: readonly IStatusCounts[];
  readonly totals?: IStatusCounts;
}

/** Counts per category (per unit or per section), exactly the API's numbers. */
export const CountsTable: React.FC<ICountsTableProps> = ({ caption, firstColumn, categories, rows, totals }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const all = totals === undefined ? rows : [...rows, totals];
  return (
    <div className={layout.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{firstColumn}</TableHeaderCell>
            {categories.map((c) => (
              <TableHeaderCell key={c.key} scope="col">{c.label}</TableHeaderCell>
            ))}
            <TableHeaderCell scope="col">{s.Ongoing}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ColumnTotal}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {all.map((row) => (
            <TableRow key={row.key} data-key={row.key}>
              <TableCell>{row.name}</TableCell>
              {categories.map((c) => (
                <TableCell key={c.key} className={layout.number} data-category={c.key}>{row.counts[c.key]}</TableCell>
              ))}
              <TableCell className={layout.number} data-category="Ongoing">{row.ongoing}</TableCell>
              <TableCell className={layout.number} data-category="Total">{row.total}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
