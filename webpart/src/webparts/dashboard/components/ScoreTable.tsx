import * as React from 'react';
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { IUnitScore, ScoreState } from '../../../common/api/ApiTypes';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { formatPoints } from './scorePoints';

const stateColors: Record<ScoreState, 'subtle' | 'informative' | 'warning' | 'success'> = {
  NotProposed: 'subtle',
  Proposed: 'informative',
  Appraised: 'warning',
  Approved: 'success'
};

export interface IScoreTableProps {
  readonly caption: string;
  readonly units: readonly IUnitScore[];
  /** Graded (assigned) units show their points and grades; requested ones are listed as "không xếp loại". */
  readonly graded: boolean;
  readonly selected: string | undefined;
  readonly onSelect: (unit: string) => void;
}

/** The row's button: what the caller may do on the unit (the API's flags), else just look at the details. */
function actionLabel(s: IDanVan365Strings, score: IUnitScore): string {
  if (score.canAppraise) {
    return s.ScoreAppraiseAction;
  }

  return score.canPropose ? s.ScoreProposeAction : s.ScoreShowDetail;
}

/**
 * The units' scores as the API gives them: computed beside proposed and appraised, the grade of the points that count,
 * and where each stands; a button per unit opens its drill-down.
 */
export const ScoreTable: React.FC<IScoreTableProps> = ({ caption, units, graded, selected, onSelect }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const points = (value: number | null | undefined): string =>
    value === null || value === undefined ? s.ScoreNoValue : formatPoints(value);
  return (
    <div className={layout.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" aria-label={caption} data-graded={graded}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{s.ColumnUnit}</TableHeaderCell>
            {graded ? (
              <>
                <TableHeaderCell scope="col">{s.ScoreColumnComputed}</TableHeaderCell>
                <TableHeaderCell scope="col">{s.ScoreColumnComputedGrade}</TableHeaderCell>
                <TableHeaderCell scope="col">{s.ScoreColumnProposed}</TableHeaderCell>
                <TableHeaderCell scope="col">{s.ScoreColumnAppraised}</TableHeaderCell>
                <TableHeaderCell scope="col">{s.ScoreColumnFinal}</TableHeaderCell>
                <TableHeaderCell scope="col">{s.ScoreColumnState}</TableHeaderCell>
              </>
            ) : (
              <TableHeaderCell scope="col">{s.ScoreColumnFinal}</TableHeaderCell>
            )}
            <TableHeaderCell scope="col">{s.ScoreColumnAction}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.map((u) => {
            const label = actionLabel(s, u);
            return (
              <TableRow key={u.unit} data-unit={u.unit}>
                <TableCell>{u.unitName}</TableCell>
                {graded ? (
                  <>
                    <TableCell className={layout.number} data-column="computed">{points(u.computed)}</TableCell>
                    <TableCell data-column="computedGrade">{u.computedGradeLabel ?? ''}</TableCell>
                    <TableCell className={layout.number} data-column="proposed">{points(u.proposed?.points)}</TableCell>
                    <TableCell className={layout.number} data-column="appraised">{points(u.appraised?.points)}</TableCell>
                    <TableCell data-column="final">
                      {u.finalGradeLabel === null || u.finalPoints === null ? ''
                        : format(s.ScoreFinalCell, u.finalGradeLabel, formatPoints(u.finalPoints))}
                    </TableCell>
                    <TableCell data-column="state"><Badge appearance="tint" color={stateColors[u.state]}>{u.stateLabel}</Badge></TableCell>
                  </>
                ) : (
                  <TableCell data-column="final">{s.ScoreNotGraded}</TableCell>
                )}
                <TableCell>
                  <Button size="small" appearance={u.canPropose || u.canAppraise ? 'primary' : 'subtle'}
                    aria-expanded={selected === u.unit} aria-label={format(s.ScoreActionFor, label, u.unitName)}
                    onClick={() => onSelect(u.unit)}>
                    {label}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
};
