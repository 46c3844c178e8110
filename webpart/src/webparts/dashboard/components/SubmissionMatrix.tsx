import * as React from 'react';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ICodeName, IRoundMatrix, SubmissionState } from '../../../common/api/ApiTypes';
import { formatDay, formatInstant } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { useStrings } from '../../../common/ui/StringsContext';

const colors: Record<SubmissionState, 'success' | 'warning' | 'danger' | 'subtle'> = {
  OnTime: 'success',
  Late: 'warning',
  Missing: 'danger',
  NotRequired: 'subtle'
};

/**
 * Round × unit: on time / late / missing, as the API judged it. `caption` names the table (the required units' matrix or the
 * requested units' one, whose cells the API says are `NotRequired` rather than missing).
 */
export const SubmissionMatrix: React.FC<{ rounds: readonly IRoundMatrix[]; units: readonly ICodeName[]; caption?: string }> = (
  { rounds, units, caption }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  if (rounds.length === 0) {
    return <p>{s.MatrixNone}</p>;
  }

  const label: Record<SubmissionState, string> = {
    OnTime: s.StateOnTime, Late: s.StateLate, Missing: s.StateMissing, NotRequired: s.StateNotRequired
  };
  const name = caption ?? s.MatrixHeading;
  // The units the API put in this matrix, in the directory's order (then any it does not name).
  const inMatrix: string[] = [];
  for (const round of rounds) {
    for (const cell of round.units) {
      if (inMatrix.indexOf(cell.unit) < 0) {
        inMatrix.push(cell.unit);
      }
    }
  }

  const unitCodes = units.map((u) => u.code).filter((code) => inMatrix.indexOf(code) >= 0)
    .concat(inMatrix.filter((code) => !units.some((u) => u.code === code)));

  return (
    <div className={layout.scroll} role="region" aria-label={name} tabIndex={0}>
      <Table size="small" aria-label={name}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{s.ColumnUnit}</TableHeaderCell>
            {rounds.map((r) => (
              <TableHeaderCell key={r.round} scope="col">
                {r.title} ({formatDay(r.lastDay)})
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {unitCodes.map((code) => (
            <TableRow key={code} data-unit={code}>
              <TableCell>{units.find((u) => u.code === code)?.name ?? code}</TableCell>
              {rounds.map((r) => {
                const cell = r.units.find((u) => u.unit === code);
                return (
                  <TableCell key={r.round} data-round={r.round}>
                    {cell === undefined ? '' : (
                      <Badge appearance="tint" color={colors[cell.state]} title={formatInstant(cell.submittedAt)}>
                        {label[cell.state]}
                      </Badge>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
