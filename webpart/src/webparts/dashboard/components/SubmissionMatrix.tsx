import * as React from 'react';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ICodeName, IRoundMatrix, IRoundUnitState, SubmissionState } from '../../../common/api/ApiTypes';
import { formatDay, formatInstant } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { IReturnTarget } from './ReturnForm';

const colors: Record<SubmissionState, 'success' | 'warning' | 'danger' | 'important' | 'subtle'> = {
  OnTime: 'success',
  Late: 'warning',
  Missing: 'danger',
  Returned: 'important',
  NotRequired: 'subtle'
};

export interface ISubmissionMatrixProps {
  readonly rounds: readonly IRoundMatrix[];
  readonly units: readonly ICodeName[];
  /** Names the table: the required units' matrix (default) or the requested units' one ("Các cơ quan, tổ chức phối hợp"). */
  readonly caption?: string;
  /** Shown to the people who may return submissions (the API's canReturn): a "Trả lại" action on each submitted cell. */
  readonly onReturn?: (target: IReturnTarget) => void;
}

/** True when a cell's submission can be returned: it was submitted (on time or late) and is not returned already. */
export function isReturnable(cell: IRoundUnitState): boolean {
  return cell.state === 'OnTime' || cell.state === 'Late';
}

/**
 * Round × unit: on time / late / missing / returned for additions, as the API judged it. The requested units' matrix has
 * `NotRequired` cells where nothing came in (optional, never missing).
 */
export const SubmissionMatrix: React.FC<ISubmissionMatrixProps> = ({ rounds, units, caption, onReturn }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  if (rounds.length === 0) {
    return <p>{s.MatrixNone}</p>;
  }

  const label: Record<SubmissionState, string> = {
    OnTime: s.StateOnTime, Late: s.StateLate, Missing: s.StateMissing, Returned: s.StateReturned, NotRequired: s.StateNotRequired
  };
  const name = caption ?? s.MatrixHeading;
  const nameOf = (code: string): string => units.find((u) => u.code === code)?.name ?? code;
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
              <TableCell>{nameOf(code)}</TableCell>
              {rounds.map((r) => {
                const cell = r.units.find((u) => u.unit === code);
                const target = { round: r.round, roundTitle: r.title, unit: code, unitName: nameOf(code) };
                return (
                  <TableCell key={r.round} data-round={r.round}>
                    {cell === undefined ? '' : (
                      <>
                        <Badge appearance="tint" color={colors[cell.state]} title={formatInstant(cell.submittedAt)}>
                          {label[cell.state]}
                        </Badge>
                        {cell.returned !== undefined && cell.returned !== null && (
                          <div data-testid="returned-reason">{format(s.ReturnedReasonLine, cell.returned.reason)}</div>
                        )}
                        {onReturn !== undefined && isReturnable(cell) && (
                          <Button size="small" appearance="subtle" onClick={() => onReturn(target)}
                            aria-label={format(s.ReturnFor, r.title, target.unitName)}>
                            {s.ReturnAction}
                          </Button>
                        )}
                      </>
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
