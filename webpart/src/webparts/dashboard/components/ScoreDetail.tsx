import * as React from 'react';
import {
  Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens
} from '@fluentui/react-components';
import { IScoreLine, IScoreStep, IUnitScore, ScoreOutcome } from '../../../common/api/ApiTypes';
import { formatInstant } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { IScoreService } from '../services/ScoreService';
import { AppraiseForm, ProposeForm } from './ScoreForms';
import { formatPoints } from './scorePoints';

const useStyles = makeStyles({
  panel: {
    borderLeftStyle: 'solid',
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftColor: tokens.colorBrandStroke1,
    paddingLeft: tokens.spacingHorizontalM
  },
  facts: { margin: '0', display: 'grid', gridTemplateColumns: 'minmax(90px, max-content) 1fr', columnGap: tokens.spacingHorizontalM },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: '0', overflowWrap: 'anywhere' },
  total: { fontWeight: tokens.fontWeightSemibold }
});

export interface IScoreDetailProps {
  readonly score: IUnitScore;
  readonly service: IScoreService;
  readonly ward?: string;
  readonly newRequestId?: () => string;
  readonly onSaved: (score: IUnitScore) => void;
  readonly onClose: () => void;
}

function outcomeLabel(s: IDanVan365Strings, outcome: ScoreOutcome): string {
  const labels: Record<ScoreOutcome, string> = {
    OnTime: s.ScoreOutcomeOnTime, Late: s.ScoreOutcomeLate, NotDone: s.ScoreOutcomeNotDone, InProgress: s.ScoreOutcomeInProgress,
    OngoingReported: s.ScoreOutcomeOngoingReported, OngoingUnreported: s.ScoreOutcomeOngoingUnreported,
    ReportOnTime: s.ScoreOutcomeReportOnTime, ReportLate: s.ScoreOutcomeReportLate, ReportMissing: s.ScoreOutcomeReportMissing,
    ScaleLimit: s.ScoreOutcomeScaleLimit, NoTask: s.ScoreOutcomeNoTask
  };
  return labels[outcome] ?? outcome;
}

/** What a line rests on: "2.3", "2.3 (đợt 2)" for an ongoing task a round missed, or "Báo cáo đợt 2". */
function lineSubject(s: IDanVan365Strings, line: IScoreLine): string {
  if (line.kind === 'RoundReport') {
    return format(s.ScoreRoundReport, line.round ?? '');
  }

  if (line.kind === 'Adjustment') {
    return s.ScoreAdjustment;
  }

  const code = line.taskCode ?? '';
  return line.round === null ? code : format(s.ScoreTaskInRound, code, line.round);
}

function stepText(s: IDanVan365Strings, step: IScoreStep): string {
  if (step.points === null) {
    return format(s.ScoreApprovedLine, step.by, formatInstant(step.at));
  }

  const points = formatPoints(step.points);
  return step.text === ''
    ? format(s.ScoreStepLineNoText, points, step.by, formatInstant(step.at))
    : format(s.ScoreStepLine, points, step.text, step.by, formatInstant(step.at));
}

/** The lines behind a unit's points; the last row is the computed total they add up to (the API's number). */
const ScoreLines: React.FC<{ score: IUnitScore }> = ({ score }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const styles = useStyles();
  const caption = format(s.ScoreLinesCaption, score.unitName);
  if (score.lines.length === 0) {
    return <p style={{ margin: 0 }}>{s.ScoreNoLines}</p>;
  }

  // A graded unit's total is the API's computed score; a requested unit has none, so its lines are summed for information.
  const total = score.graded && score.computed !== null ? score.computed : score.lines.reduce((sum, l) => sum + l.points, 0);
  return (
    <div className={layout.scroll} role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" aria-label={caption} data-testid="score-lines">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{s.ScoreColumnTask}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ScoreColumnRole}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ScoreColumnOutcome}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ScoreColumnPoints}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.ScoreColumnExplanation}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {score.lines.map((line, index) => (
            <TableRow key={index} data-line={index}>
              <TableCell>{lineSubject(s, line)}</TableCell>
              <TableCell>{line.roleLabel ?? ''}</TableCell>
              <TableCell>{outcomeLabel(s, line.outcome)}</TableCell>
              <TableCell className={layout.number} data-points={line.points}>{formatPoints(line.points)}</TableCell>
              <TableCell>{line.explanation}</TableCell>
            </TableRow>
          ))}
          <TableRow data-line="total" className={styles.total}>
            <TableCell colSpan={3}>{score.graded ? s.ScoreLinesTotal : s.ScoreLinesTotalRequested}</TableCell>
            <TableCell className={layout.number} data-points={total}>{formatPoints(total)}</TableCell>
            <TableCell>{score.graded && score.computedGradeLabel !== null ? score.computedGradeLabel : ''}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
};

/**
 * One unit's drill-down: the recorded steps (proposal, appraisal, approval), every line behind the computed points, and
 * the forms the API says the caller may use on this unit now (`canPropose`, `canAppraise`).
 */
export const ScoreDetail: React.FC<IScoreDetailProps> = ({ score, service, ward, newRequestId, onSaved, onClose }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const styles = useStyles();
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => heading.current?.focus(), [score.unit]);
  const steps: [string, IScoreStep | null][] = [
    [s.ScoreStepProposed, score.proposed], [s.ScoreStepAppraised, score.appraised], [s.ScoreStepApproved, score.approved]
  ];
  const recorded = steps.filter((step): step is [string, IScoreStep] => step[1] !== null);
  return (
    <section className={`${layout.section} ${styles.panel}`} aria-label={format(s.ScoreDetailHeading, score.unitName)}
      data-testid="score-detail" data-unit={score.unit}>
      <h4 className={layout.subheading} ref={heading} tabIndex={-1}>
        {format(s.ScoreDetailHeading, score.unitName)}
      </h4>
      {recorded.length > 0 && (
        <dl className={styles.facts}>
          {recorded.map(([term, step]) => (
            <React.Fragment key={term}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.detail}>{stepText(s, step)}</dd>
            </React.Fragment>
          ))}
        </dl>
      )}
      <ScoreLines score={score} />
      {score.canPropose && (
        <ProposeForm key={`p|${score.unit}`} score={score} service={service} ward={ward} onSaved={onSaved} newRequestId={newRequestId} />
      )}
      {score.canAppraise && <AppraiseForm key={`a|${score.unit}`} score={score} service={service} ward={ward} onSaved={onSaved} />}
      <div className={layout.row}>
        <Button type="button" onClick={onClose}>{s.ScoreDetailClose}</Button>
      </div>
    </section>
  );
};
