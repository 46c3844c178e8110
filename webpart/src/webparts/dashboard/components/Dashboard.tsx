import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner, useId } from '@fluentui/react-components';
import { IDashboard, IReturnResult } from '../../../common/api/ApiTypes';
import { formatDay } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { useApiLoad } from '../../../common/ui/useApiLoad';
import { IDashboardService } from '../services/DashboardService';
import { IRoundService } from '../services/RoundService';
import { IScoreService } from '../services/ScoreService';
import { AdHocRoundForm } from './AdHocRoundForm';
import { CountsTable } from './CountsTable';
import { DashboardFilters, IDashboardFilterValues } from './DashboardFilters';
import { OverdueList } from './OverdueList';
import { IReturnTarget, ReturnForm } from './ReturnForm';
import { ScoreBoard } from './ScoreBoard';
import { SubmissionMatrix } from './SubmissionMatrix';
import { SummaryCards } from './SummaryCards';
import { UnitChart } from './UnitChart';

export interface IDashboardProps {
  readonly service: IDashboardService;
  readonly ward?: string;
  readonly initialAsOf?: string;
  /** The rounds API: the ad hoc round form is shown to those the API lets create one (Phòng Văn hóa - Xã hội). */
  readonly roundService?: IRoundService;
  /** The scoring API (issue 24): the "Chấm điểm, xếp loại" section, its actions as the API's flags allow. */
  readonly scoreService?: IScoreService;
  /** Called after each answer is shown (the local host marks the page ready). */
  readonly onShown?: () => void;
}

/**
 * "Các cơ quan, tổ chức phối hợp": the units the committee only requests, apart from the figures above, their reports marked
 * optional (the API's `requestedUnits` and `rounds[].requested`); nothing when the API names none.
 */
const RequestedUnits: React.FC<{ dashboard: IDashboard; headingId: string }> = ({ dashboard, headingId }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const counts = dashboard.requestedUnits ?? [];
  const rounds = dashboard.rounds.map((r) => ({ ...r, units: r.requested ?? [] }));
  if (counts.length === 0 && rounds.every((r) => r.units.length === 0)) {
    return null;
  }

  return (
    <section className={layout.section} aria-labelledby={headingId} data-testid="requested-units">
      <h3 id={headingId} className={layout.subheading}>{s.RequestedHeading}</h3>
      <p style={{ margin: 0 }}>{s.RequestedNote}</p>
      {counts.length > 0 && (
        <CountsTable caption={s.RequestedHeading} firstColumn={s.ColumnRequestedUnit} categories={dashboard.categories} rows={counts} />
      )}
      <SubmissionMatrix rounds={rounds} units={dashboard.options.units} caption={s.RequestedMatrixHeading} />
    </section>
  );
};

/** "Theo dõi nhiệm vụ dân vận": shows the API's dashboard as it is; never recomputes a status. */
export const Dashboard: React.FC<IDashboardProps> = ({ service, ward, initialAsOf, roundService, scoreService, onShown }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const ids = {
    summary: useId('dv-summary-'), units: useId('dv-units-'), sections: useId('dv-sections-'), overdue: useId('dv-overdue-'),
    matrix: useId('dv-matrix-'), requested: useId('dv-requested-')
  };
  const [filters, setFilters] = React.useState<IDashboardFilterValues>({
    asOf: initialAsOf ?? '', unit: '', section: '', status: ''
  });
  const query = {
    asOf: filters.asOf === '' ? undefined : filters.asOf,
    ward,
    unit: filters.unit === '' ? undefined : filters.unit,
    section: filters.section === '' ? undefined : filters.section,
    status: filters.status === '' ? undefined : filters.status
  };
  const [reload, setReload] = React.useState(0);
  const [returning, setReturning] = React.useState<IReturnTarget | undefined>(undefined);
  const [returned, setReturned] = React.useState<IReturnResult | undefined>(undefined);
  const [state] = useApiLoad<IDashboard>(() => service.getDashboard(query), `${JSON.stringify(query)}|${reload}`);
  const [last, setLast] = React.useState<IDashboard | undefined>(undefined);
  React.useEffect(() => {
    if (state.kind === 'loaded') {
      setLast(state.value);
    }

    if (state.kind !== 'loading' && onShown !== undefined) {
      onShown();
    }
  }, [state, onShown]);

  const dashboard = state.kind === 'loaded' ? state.value : undefined;
  return (
    <div className={layout.page}>
      <header className={layout.section}>
        <h2 className={layout.heading}>{s.DashboardTitle}</h2>
        {dashboard !== undefined && (
          <p style={{ margin: 0 }} data-testid="as-of">
            {format(s.AsOfLine, dashboard.wardName, formatDay(dashboard.asOf))}
          </p>
        )}
      </header>
      <DashboardFilters values={filters} dashboard={dashboard ?? last} onChange={setFilters} />
      {state.kind === 'loading' && <Spinner label={s.Loading} />}
      {state.kind === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {dashboard !== undefined && (
        <>
          <section className={layout.section} aria-labelledby={ids.summary}>
            <h3 id={ids.summary} className={layout.subheading}>{s.SummaryHeading}</h3>
            <SummaryCards dashboard={dashboard} />
          </section>
          <section className={layout.section} aria-labelledby={ids.units}>
            <h3 id={ids.units} className={layout.subheading}>{s.UnitsHeading}</h3>
            <UnitChart categories={dashboard.categories} units={dashboard.units} ongoingLabel={s.Ongoing} />
            <CountsTable caption={s.UnitsHeading} firstColumn={s.ColumnUnit} categories={dashboard.categories}
              rows={dashboard.units} totals={dashboard.totals} />
          </section>
          <section className={layout.section} aria-labelledby={ids.sections}>
            <h3 id={ids.sections} className={layout.subheading}>{s.SectionsHeading}</h3>
            <CountsTable caption={s.SectionsHeading} firstColumn={s.ColumnSection} categories={dashboard.categories}
              rows={dashboard.sections} totals={dashboard.totals} />
          </section>
          <section className={layout.section} aria-labelledby={ids.overdue}>
            <h3 id={ids.overdue} className={layout.subheading}>{s.OverdueHeading}</h3>
            <OverdueList items={dashboard.overdue} />
          </section>
          <section className={layout.section} aria-labelledby={ids.matrix}>
            <h3 id={ids.matrix} className={layout.subheading}>{s.MatrixHeading}</h3>
            <SubmissionMatrix rounds={dashboard.rounds} units={dashboard.options.units}
              onReturn={dashboard.canReturn === true ? (target) => { setReturned(undefined); setReturning(target); } : undefined} />
            {returned !== undefined && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{format(s.ReturnDone, returned.round,
                  dashboard.options.units.find((u) => u.code === returned.unit)?.name ?? returned.unit, returned.notified)}</MessageBarBody>
              </MessageBar>
            )}
            {returning !== undefined && (
              <ReturnForm key={`${returning.round}|${returning.unit}`} target={returning}
                onReturn={(t, reason) => service.returnSubmission(t.round, t.unit, reason, ward)}
                onDone={(result) => { setReturning(undefined); setReturned(result); setReload((n) => n + 1); }}
                onCancel={() => setReturning(undefined)} />
            )}
          </section>
          <RequestedUnits dashboard={dashboard} headingId={ids.requested} />
        </>
      )}
      {scoreService !== undefined && <ScoreBoard service={scoreService} ward={ward} />}
      {roundService !== undefined && <AdHocRoundForm service={roundService} ward={ward} />}
    </div>
  );
};
