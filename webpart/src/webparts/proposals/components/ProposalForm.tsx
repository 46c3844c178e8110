import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, useId } from '@fluentui/react-components';
import { ApiError } from '../../../common/api/ApiClient';
import { ICodeName, IProposal, IRowError, ProposalKind } from '../../../common/api/ApiTypes';
import { DayPicker } from '../../../common/ui/DayPicker';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { errorMessage } from '../../../common/ui/useApiLoad';
import { IProposalService, newRequestId } from '../services/ProposalService';

export const proposalKinds: readonly ProposalKind[] = ['GiaHan', 'SuaNoiDung', 'BoSung', 'BaiBo'];

export function kindLabel(s: IDanVan365Strings, kind: ProposalKind): string {
  const labels: Record<ProposalKind, string> = {
    GiaHan: s.KindExtend, SuaNoiDung: s.KindChange, BoSung: s.KindAdd, BaiBo: s.KindRemove
  };
  return labels[kind];
}

interface IDraft {
  readonly unit: string;
  readonly kind: ProposalKind;
  readonly taskCode: string;
  readonly text: string;
  readonly lastDay: string;
  readonly reason: string;
}

export interface IProposalFormProps {
  readonly service: IProposalService;
  readonly ward?: string;
  readonly units: readonly ICodeName[];
  readonly onCreated: (proposal: IProposal) => void;
}

/** A unit proposes an adjustment; the API checks every rule and answers per field. */
export const ProposalForm: React.FC<IProposalFormProps> = ({ service, ward, units, onCreated }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const empty: IDraft = { unit: units[0]?.code ?? '', kind: 'GiaHan', taskCode: '', text: '', lastDay: '', reason: '' };
  const [draft, setDraft] = React.useState<IDraft>(empty);
  const [error, setError] = React.useState<{ message: string; rows: readonly IRowError[] } | undefined>(undefined);
  const [created, setCreated] = React.useState<IProposal | undefined>(undefined);
  const [sending, setSending] = React.useState(false);
  // One client request id per proposal: kept while the same draft is sent again (a retry after a failure), so a first
  // attempt whose answer was lost is returned rather than filed twice; a changed draft or a success starts a new one.
  const requestId = React.useRef<string | undefined>(undefined);
  const headingId = useId('dv-proposal-new-');
  const set = (patch: Partial<IDraft>): void => {
    requestId.current = undefined;
    setDraft({ ...draft, ...patch });
  };
  const fieldError = (field: string): string | undefined => {
    const messages = (error?.rows ?? []).filter((r) => r.field === field).map((r) => r.message);
    return messages.length === 0 ? undefined : messages.join(' ');
  };
  const state = (field: string): 'error' | 'none' => (fieldError(field) === undefined ? 'none' : 'error');

  const onSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    setSending(true);
    setCreated(undefined);
    requestId.current = requestId.current ?? newRequestId();
    service
      .create({
        ward,
        unit: draft.unit,
        kind: draft.kind,
        taskCode: draft.taskCode.trim() === '' ? null : draft.taskCode.trim(),
        text: draft.text.trim() === '' ? null : draft.text,
        lastDay: draft.lastDay === '' ? null : draft.lastDay,
        reason: draft.reason,
        requestId: requestId.current
      })
      .then(
        (proposal) => {
          requestId.current = undefined;
          setSending(false);
          setError(undefined);
          setCreated(proposal);
          setDraft(empty);
          onCreated(proposal);
        },
        (e: unknown) => {
          setSending(false);
          setError({ message: errorMessage(e), rows: e instanceof ApiError ? e.rows : [] });
        }
      );
  };

  return (
    <form className={layout.section} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className={layout.subheading}>{s.ProposalNewHeading}</h3>
      <div className={layout.row}>
        {units.length > 1 && (
          <Field label={s.ProposalUnit}>
            <Select value={draft.unit} onChange={(_, d) => set({ unit: d.value })}>
              {units.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
            </Select>
          </Field>
        )}
        <Field label={s.ProposalKind} validationMessage={fieldError('kind')} validationState={state('kind')}>
          <Select value={draft.kind} onChange={(_, d) => set({ kind: d.value as ProposalKind })}>
            {proposalKinds.map((k) => <option key={k} value={k}>{kindLabel(s, k)}</option>)}
          </Select>
        </Field>
        <Field label={s.ProposalTaskCode} hint={s.ProposalTaskCodeHint} validationMessage={fieldError('taskCode')}
          validationState={state('taskCode')}>
          <Input value={draft.taskCode} onChange={(_, d) => set({ taskCode: d.value })} />
        </Field>
        <DayPicker label={s.ProposalLastDay} value={draft.lastDay} onChange={(lastDay) => set({ lastDay })}
          validationMessage={fieldError('lastDay')} />
      </div>
      <Field label={s.ProposalText} validationMessage={fieldError('text')} validationState={state('text')}>
        <Textarea value={draft.text} resize="vertical" onChange={(_, d) => set({ text: d.value })} />
      </Field>
      <Field label={s.ProposalReason} required validationMessage={fieldError('reason')} validationState={state('reason')}>
        <Textarea value={draft.reason} resize="vertical" onChange={(_, d) => set({ reason: d.value })} />
      </Field>
      <div aria-live="polite">
        {error !== undefined && (
          <MessageBar intent="error" role="alert"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>
        )}
        {created !== undefined && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{format(s.ProposalCreated, created.id, created.stateLabel)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={layout.row}>
        <Button appearance="primary" type="submit" disabled={sending || draft.unit === ''}>{s.ProposalSubmit}</Button>
      </div>
    </form>
  );
};
