import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, useId } from '@fluentui/react-components';
import { IScoresAnswer, IUnitScore } from '../../../common/api/ApiTypes';
import { formatDay } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { useApiLoad } from '../../../common/ui/useApiLoad';
import { IScoreService } from '../services/ScoreService';
import { ScoreApproval } from './ScoreApproval';
import { ScoreDetail } from './ScoreDetail';
import { formatPoints } from './scorePoints';
import { ScoreTable } from './ScoreTable';

export interface IScoreBoardProps {
  readonly service: IScoreService;
  readonly ward?: string;
  /** Makes a client request id for a unit's own score (a retry of the same draft reuses it). */
  readonly newRequestId?: () => string;
}

/**
 * "Chấm điểm, xếp loại" (issue 24): every unit's computed score beside its proposed and appraised ones and the grade of the
 * points that count, assigned units graded and requested ones listed apart; a drill-down to the tasks behind every point;
 * the propose / appraise / approve actions only where the API's flags allow them. Never recomputes a score or a grade.
 */
export const ScoreBoard: React.FC<IScoreBoardProps> = ({ service, ward, newRequestId }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const ids = { heading: useId('dv-score-'), requested: useId('dv-score-requested-') };
  const [state, replace] = useApiLoad<IScoresAnswer>(() => service.list(ward), ward ?? '');
  const [selected, setSelected] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  const answer = state.kind === 'loaded' ? state.value : undefined;
  const onSaved = (score: IUnitScore): void => {
    if (answer === undefined) {
      return;
    }

    replace({ ...answer, units: answer.units.map((u) => (u.unit === score.unit ? score : u)) });
    const points = score.appraised !== null && score.state === 'Appraised' ? score.appraised.points : score.proposed?.points;
    const pattern = score.state === 'Appraised' ? s.ScoreAppraised : s.ScoreProposed;
    setNotice(format(pattern, score.unitName, points === null || points === undefined ? '' : formatPoints(points)));
  };
  const onApproved = (approved: IScoresAnswer): void => {
    replace(approved);
    setNotice(format(s.ScoreApproved, approved.year));
  };
  const select = (unit: string): void => {
    setNotice(undefined);
    setSelected(selected === unit ? undefined : unit);
  };
  const detailOf = (units: readonly IUnitScore[]): React.ReactNode => {
    const score = units.find((u) => u.unit === selected);
    return score === undefined ? null : (
      <ScoreDetail score={score} service={service} ward={ward} newRequestId={newRequestId} onSaved={onSaved}
        onClose={() => setSelected(undefined)} />
    );
  };

  const graded = answer?.units.filter((u) => u.graded) ?? [];
  const requested = answer?.units.filter((u) => !u.graded) ?? [];
  return (
    <section className={layout.section} aria-labelledby={ids.heading} data-testid="score-board">
      <h3 id={ids.heading} className={layout.subheading}>{s.ScoreHeading}</h3>
      {state.kind === 'loading' && <Spinner label={s.Loading} />}
      {state.kind === 'failed' && (
        <MessageBar intent="error" role="alert"><MessageBarBody>{state.error}</MessageBarBody></MessageBar>
      )}
      {answer !== undefined && (
        <>
          <p style={{ margin: 0 }} data-testid="score-year">{format(s.ScoreYearLine, answer.year, formatDay(answer.asOf))}</p>
          {answer.grades.length > 0 && (
            <p style={{ margin: 0 }} data-testid="score-grades">
              {format(s.ScoreThresholds,
                answer.grades.map((g) => format(s.ScoreThreshold, g.label, formatPoints(g.minPoints))).join('; '))}
            </p>
          )}
          {notice !== undefined && <p role="status" style={{ margin: 0 }}>{notice}</p>}
          {graded.length > 0 && (
            <ScoreTable caption={s.ScoreGradedCaption} units={graded} graded selected={selected} onSelect={select} />
          )}
          {detailOf(graded)}
          {answer.canApprove && <ScoreApproval year={answer.year} service={service} ward={ward} onApproved={onApproved} />}
          {requested.length > 0 && (
            <section className={layout.section} aria-labelledby={ids.requested} data-testid="score-requested">
              <h4 id={ids.requested} className={layout.subheading}>{s.ScoreRequestedHeading}</h4>
              <p style={{ margin: 0 }}>{s.ScoreRequestedNote}</p>
              <ScoreTable caption={s.ScoreRequestedHeading} units={requested} graded={false} selected={selected} onSelect={select} />
              {detailOf(requested)}
            </section>
          )}
        </>
      )}
    </section>
  );
};
