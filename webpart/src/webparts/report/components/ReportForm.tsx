import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, useId } from '@fluentui/react-components';
import { ApiError } from '../../../common/api/ApiClient';
import { IMyWork, IRowError, ISubmissionRow, ISubmitResult } from '../../../common/api/ApiTypes';
import { formatDay, formatInstant } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { errorMessage, useApiLoad } from '../../../common/ui/useApiLoad';
import { IReportService } from '../services/ReportService';
import { ReportRowFields, RowField } from './ReportRowFields';
import { IReviewValues, ReviewField, ReviewFields, reviewBody, reviewValues } from './ReviewFields';

export interface IReportFormProps {
  readonly service: IReportService;
  readonly ward?: string;
  readonly round?: number;
  readonly onShown?: () => void;
}

function initialValues(work: IMyWork): Record<string, ISubmissionRow> {
  const values: Record<string, ISubmissionRow> = {};
  for (const row of work.rows) {
    values[row.code] = {
      code: row.code,
      result: row.saved?.result ?? '',
      status: row.saved?.status ?? '',
      difficulties: row.saved?.difficulties ?? '',
      proposals: row.saved?.proposals ?? ''
    };
  }

  return values;
}

type SubmitState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'done'; readonly result: ISubmitResult }
  | { readonly kind: 'failed'; readonly error: string; readonly rows: readonly IRowError[] };

const SubmitSuccess: React.FC<{ result: ISubmitResult; sent: readonly (ISubmissionRow | undefined)[] }> = ({ result, sent }) => {
  const s = useStrings();
  const recorded = result.recorded ?? sent.filter((r): r is ISubmissionRow => r !== undefined).map((r) => ({ code: r.code, status: r.status }));
  const when = result.recordedAt === undefined ? '' : formatInstant(result.recordedAt);
  return (
    <MessageBar intent="success" role="status" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{s.SubmitDone}</MessageBarTitle>
        {format(s.SubmitDoneLine, result.rows, result.round, result.unit, when)}
        <ul>
          {recorded.map((r) => (
            <li key={r.code}>{r.status === '' ? r.code : `${r.code}: ${r.status}`}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
};

/** "Báo cáo kết quả": the open round's rows of the caller's unit, submitted through POST /api/submissions. */
export const ReportForm: React.FC<IReportFormProps> = ({ service, ward, round, onShown }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const [state] = useApiLoad<IMyWork>(() => service.getMyWork(round, ward), `${round ?? ''}|${ward ?? ''}`);
  const [values, setValues] = React.useState<Record<string, ISubmissionRow>>({});
  const [review, setReview] = React.useState<IReviewValues>(reviewValues(undefined));
  const [submit, setSubmit] = React.useState<SubmitState>({ kind: 'idle' });
  const alertRef = React.useRef<HTMLDivElement>(null);
  const titleId = useId('dv-report-title-');

  React.useEffect(() => {
    if (state.kind === 'loaded') {
      setValues(initialValues(state.value));
      setReview(reviewValues(state.value.review?.saved));
    }

    if (state.kind !== 'loading' && onShown !== undefined) {
      onShown();
    }
  }, [state, onShown]);

  React.useEffect(() => {
    if (submit.kind === 'done' || submit.kind === 'failed') {
      alertRef.current?.focus();
    }
  }, [submit]);

  if (state.kind === 'loading') {
    return <Spinner label={s.Loading} />;
  }

  if (state.kind === 'failed') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{state.error}</MessageBarBody>
      </MessageBar>
    );
  }

  const work = state.value;
  const yearEnd = work.round.yearEnd === true && work.review !== undefined && work.review !== null;
  const onReviewChange = (field: ReviewField, text: string): void => setReview((current) => ({ ...current, [field]: text }));
  const onChange = (code: string, field: RowField, text: string): void =>
    setValues((current) => ({ ...current, [code]: { ...current[code], [field]: text } }));
  const onSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    setSubmit({ kind: 'sending' });
    const rows = work.rows.map((r) => values[r.code]).filter((r): r is ISubmissionRow => r !== undefined);
    const general = yearEnd ? { review: reviewBody(review, work.review?.selfScore === true) } : {};
    service
      .submit({ ward, unit: work.unit.code, round: work.round.round, catalogueVersion: work.catalogueVersion, rows, ...general })
      .then(
        (result) => setSubmit({ kind: 'done', result }),
        (error: unknown) =>
          setSubmit({ kind: 'failed', error: errorMessage(error), rows: error instanceof ApiError ? error.rows : [] })
      );
  };
  const rowErrors = submit.kind === 'failed' ? submit.rows : [];
  const closed = !work.round.open;
  const sending = submit.kind === 'sending';

  return (
    <form className={layout.page} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <header className={layout.section}>
        <h2 id={titleId} className={layout.heading}>{s.ReportTitle}</h2>
        <p style={{ margin: 0 }} data-testid="report-intro">
          {work.round.adHoc === true
            ? format(s.ReportIntroAdHoc, work.unit.name, work.round.title, formatDay(work.round.lastDay))
            : work.round.yearEnd === true
              ? format(s.ReportIntroYearEnd, work.unit.name, work.round.title.toLocaleLowerCase('vi'), formatDay(work.round.lastDay))
              : format(s.ReportIntro, work.unit.name, work.round.round, formatDay(work.round.lastDay))}
        </p>
        {work.submittedAt !== null && <p style={{ margin: 0 }}>{format(s.ReportLastSubmitted, formatInstant(work.submittedAt))}</p>}
        {work.returned !== undefined && work.returned !== null && (
          <MessageBar intent="warning" layout="multiline" data-testid="report-returned">
            <MessageBarBody>
              <MessageBarTitle>{work.returned.state}</MessageBarTitle>
              <div>{format(s.ReturnedReasonLine, work.returned.reason)}</div>
              <div>{format(s.ReturnedByLine, work.returned.returnedBy, formatInstant(work.returned.returnedAt))}</div>
            </MessageBarBody>
          </MessageBar>
        )}
        {closed && (
          <MessageBar intent="warning">
            <MessageBarBody>{s.ReportRoundClosed}</MessageBarBody>
          </MessageBar>
        )}
      </header>
      {work.rows.length === 0 && !yearEnd && <p>{s.ReportNoRows}</p>}
      {work.rows.map((row) => (
        <ReportRowFields key={row.code} row={row} statusLabels={work.statusLabels} disabled={closed || sending}
          value={values[row.code] ?? { code: row.code, result: '', status: '', difficulties: '', proposals: '' }}
          errors={rowErrors.filter((e) => e.code === row.code)} onChange={onChange} />
      ))}
      {yearEnd && work.review !== undefined && work.review !== null && (
        <ReviewFields value={review} nextYearLabel={work.review.nextYearLabel} selfScore={work.review.selfScore}
          disabled={closed || sending} errors={rowErrors.filter((e) => e.code === null && e.field !== null)} onChange={onReviewChange} />
      )}
      <div ref={alertRef} tabIndex={-1} aria-live="polite">
        {submit.kind === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{s.SubmitFailed}</MessageBarTitle>
              {submit.error}
              {rowErrors.filter((e) => e.code === null || !work.rows.some((r) => r.code === e.code)).map((e, i) => (
                <div key={i}>{e.code === null ? e.message : `${e.code}: ${e.message}`}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        {submit.kind === 'done' && <SubmitSuccess result={submit.result} sent={work.rows.map((r) => values[r.code])} />}
      </div>
      <div className={layout.row}>
        <Button appearance="primary" type="submit" disabled={closed || sending || (work.rows.length === 0 && !yearEnd)}>
          {s.SubmitButton}
        </Button>
        {sending && <Spinner size="tiny" label={s.Sending} />}
      </div>
    </form>
  );
};
