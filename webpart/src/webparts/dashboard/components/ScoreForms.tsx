import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Textarea, useId } from '@fluentui/react-components';
import { ApiError } from '../../../common/api/ApiClient';
import { IRowError, IUnitScore } from '../../../common/api/ApiTypes';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { errorMessage } from '../../../common/ui/useApiLoad';
import { IScoreService } from '../services/ScoreService';
import { formatPoints, parsePoints } from './scorePoints';

export interface IScoreFormProps {
  readonly score: IUnitScore;
  readonly service: IScoreService;
  readonly ward?: string;
  readonly onSaved: (score: IUnitScore) => void;
}

interface IFailure {
  readonly message: string;
  readonly rows: readonly IRowError[];
}

type Problems = Readonly<Record<string, string | undefined>>;

/** A field's message: the client's check first, else the API's 400 rows for that field. */
function messageFor(field: string, problems: Problems, failure: IFailure | undefined): string | undefined {
  const own = problems[field];
  if (own !== undefined) {
    return own;
  }

  const rows = (failure?.rows ?? []).filter((r) => r.field === field).map((r) => r.message);
  return rows.length === 0 ? undefined : rows.join(' ');
}

/** Sending state shared by both forms: the call, its refusal (message and rows) and the busy flag. */
function useSend(onSaved: (score: IUnitScore) => void): {
  busy: boolean; failure: IFailure | undefined; send: (call: () => Promise<IUnitScore>, done: () => void) => void;
} {
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<IFailure | undefined>(undefined);
  const send = (call: () => Promise<IUnitScore>, done: () => void): void => {
    setBusy(true);
    call().then(
      (score) => {
        setBusy(false);
        setFailure(undefined);
        done();
        onSaved(score);
      },
      (e: unknown) => {
        setBusy(false);
        setFailure({ message: errorMessage(e), rows: e instanceof ApiError ? e.rows : [] });
      }
    );
  };
  return { busy, failure, send };
}

const Failure: React.FC<{ failure: IFailure | undefined }> = ({ failure }) => {
  const s = useStrings();
  return failure === undefined ? null : (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{s.ScoreFailed}</MessageBarTitle>
        {failure.message}
      </MessageBarBody>
    </MessageBar>
  );
};

export interface IProposeFormProps extends IScoreFormProps {
  /** Makes a client request id (a retry of the same draft reuses it). */
  readonly newRequestId?: () => string;
}

/** "Tự chấm điểm": the unit's own points (0–100) and note; shown only when the API's `canPropose` says so. */
export const ProposeForm: React.FC<IProposeFormProps> = ({ score, service, ward, onSaved, newRequestId }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const headingId = useId('dv-propose-');
  const proposed = score.proposed?.points ?? undefined;
  const [points, setPoints] = React.useState(proposed === undefined ? '' : formatPoints(proposed));
  const [note, setNote] = React.useState(score.proposed?.text ?? '');
  const [problems, setProblems] = React.useState<Problems>({});
  const { busy, failure, send } = useSend(onSaved);
  const requestId = React.useRef<string | undefined>(undefined);
  const change = (apply: () => void): void => {
    requestId.current = undefined;
    apply();
  };

  const onSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    const value = parsePoints(points);
    const found: Problems = {
      points: value === undefined ? s.ScorePointsInvalid : undefined,
      note: note.trim() === '' ? s.ScoreNoteMissing : undefined
    };
    setProblems(found);
    if (value === undefined || found.note !== undefined) {
      return;
    }

    requestId.current = requestId.current ?? (newRequestId ?? (() => crypto.randomUUID()))();
    const body = { ward, points: value, note: note.trim(), requestId: requestId.current };
    send(() => service.propose(score.unit, body), () => { requestId.current = undefined; });
  };

  const pointsMessage = messageFor('points', problems, failure);
  const noteMessage = messageFor('note', problems, failure);
  return (
    <form className={layout.section} onSubmit={onSubmit} noValidate aria-labelledby={headingId} data-testid="score-propose">
      <h5 id={headingId} className={layout.subheading}>{s.ScoreProposeHeading}</h5>
      <Field label={s.ScorePoints} required validationMessage={pointsMessage}
        validationState={pointsMessage === undefined ? 'none' : 'error'}>
        <Input inputMode="decimal" value={points} disabled={busy} onChange={(_, d) => change(() => setPoints(d.value))} />
      </Field>
      <Field label={s.ScoreNote} required validationMessage={noteMessage} validationState={noteMessage === undefined ? 'none' : 'error'}>
        <Textarea value={note} resize="vertical" disabled={busy} onChange={(_, d) => change(() => setNote(d.value))} />
      </Field>
      <Failure failure={failure} />
      <div className={layout.row}>
        <Button appearance="primary" type="submit" disabled={busy}>{s.ScoreProposeSubmit}</Button>
        {busy && <Spinner size="tiny" label={s.Sending} />}
      </div>
    </form>
  );
};

/**
 * "Thẩm định điểm": Phòng Văn hóa - Xã hội's points and, when they differ from the unit's proposal, the reason; shown only
 * when the API's `canAppraise` says so. The API checks the same rule (its 400 rows are shown on the fields).
 */
export const AppraiseForm: React.FC<IScoreFormProps> = ({ score, service, ward, onSaved }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const headingId = useId('dv-appraise-');
  const proposedPoints = score.proposed?.points ?? undefined;
  const start = score.appraised?.points ?? proposedPoints;
  const [points, setPoints] = React.useState(start === undefined ? '' : formatPoints(start));
  const [reason, setReason] = React.useState(score.appraised?.text ?? '');
  const [problems, setProblems] = React.useState<Problems>({});
  const { busy, failure, send } = useSend(onSaved);
  const value = parsePoints(points);
  const differs = value !== undefined && proposedPoints !== undefined && value !== proposedPoints;

  const onSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    const found: Problems = {
      points: value === undefined ? s.ScorePointsInvalid : undefined,
      reason: differs && reason.trim() === '' ? s.ScoreReasonMissing : undefined
    };
    setProblems(found);
    if (value === undefined || found.reason !== undefined) {
      return;
    }

    const body = { ward, points: value, reason: reason.trim() === '' ? undefined : reason.trim() };
    send(() => service.appraise(score.unit, body), () => undefined);
  };

  const pointsMessage = messageFor('points', problems, failure);
  const reasonMessage = messageFor('reason', problems, failure);
  const hint = proposedPoints === undefined ? undefined : format(s.ScoreReasonHint, formatPoints(proposedPoints));
  return (
    <form className={layout.section} onSubmit={onSubmit} noValidate aria-labelledby={headingId} data-testid="score-appraise">
      <h5 id={headingId} className={layout.subheading}>{s.ScoreAppraiseHeading}</h5>
      <Field label={s.ScoreAppraisePoints} required validationMessage={pointsMessage}
        validationState={pointsMessage === undefined ? 'none' : 'error'}>
        <Input inputMode="decimal" value={points} disabled={busy} onChange={(_, d) => setPoints(d.value)} />
      </Field>
      <Field label={s.ScoreReason} required={differs} hint={hint} validationMessage={reasonMessage}
        validationState={reasonMessage === undefined ? 'none' : 'error'}>
        <Textarea value={reason} resize="vertical" disabled={busy} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <Failure failure={failure} />
      <div className={layout.row}>
        <Button appearance="primary" type="submit" disabled={busy}>{s.ScoreAppraiseSubmit}</Button>
        {busy && <Spinner size="tiny" label={s.Sending} />}
      </div>
    </form>
  );
};
