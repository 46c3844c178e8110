import * as React from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, tokens, useId } from '@fluentui/react-components';
import { ApiError } from '../../../common/api/ApiClient';
import { IRound, IRoundsAnswer, IRowError } from '../../../common/api/ApiTypes';
import { formatDay } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { errorMessage, useApiLoad } from '../../../common/ui/useApiLoad';
import { IRoundService } from '../services/RoundService';

export interface IAdHocRoundFormProps {
  readonly service: IRoundService;
  readonly ward?: string;
  /** Makes a client request id (a retry of the same draft reuses it). */
  readonly newRequestId?: () => string;
}

interface IDraft {
  readonly title: string;
  readonly lastDay: string;
  readonly units: readonly string[];
  readonly tasks: readonly string[];
}

const empty: IDraft = { title: '', lastDay: '', units: [], tasks: [] };

// A group of checkboxes is a fieldset: inside a Fluent Field every checkbox would take the field's one control id.
const fieldsetStyle: React.CSSProperties = { border: 'none', margin: 0, padding: 0 };
const errorStyle: React.CSSProperties = { margin: 0, color: tokens.colorPaletteRedForeground1 };

function toggle(values: readonly string[], value: string, on: boolean): string[] {
  return on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value);
}

/**
 * "Báo cáo đột xuất": Phòng Văn hóa - Xã hội chooses a title, a last day, units and tasks (decision part II.1). Shown only
 * when the API says the caller may create a round; the rules (who, which units and tasks) are the API's, never repeated here.
 */
export const AdHocRoundForm: React.FC<IAdHocRoundFormProps> = ({ service, ward, newRequestId }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const headingId = useId('dv-round-');
  const [state] = useApiLoad<IRoundsAnswer>(() => service.list(ward), ward ?? '');
  const [draft, setDraft] = React.useState<IDraft>(empty);
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<{ message: string; rows: readonly IRowError[] } | undefined>(undefined);
  const [created, setCreated] = React.useState<IRound | undefined>(undefined);
  const requestId = React.useRef<string | undefined>(undefined);

  if (state.kind !== 'loaded' || !state.value.canCreate) {
    return null;
  }

  const answer = state.value;
  const set = (change: Partial<IDraft>): void => {
    requestId.current = undefined;
    setDraft({ ...draft, ...change });
  };
  const fieldError = (field: string): string | undefined => {
    const messages = (error?.rows ?? []).filter((r) => r.field === field).map((r) => r.message);
    return messages.length === 0 ? undefined : messages.join(' ');
  };
  const validation = (field: string): 'error' | 'none' => (fieldError(field) === undefined ? 'none' : 'error');
  const offered = answer.tasks.filter((t) => draft.units.length === 0 || t.units.some((u) => draft.units.indexOf(u) >= 0));

  const onSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    setSending(true);
    setCreated(undefined);
    requestId.current = requestId.current ?? (newRequestId ?? (() => crypto.randomUUID()))();
    service
      .create({ ward, title: draft.title, lastDay: draft.lastDay, units: draft.units, tasks: draft.tasks, requestId: requestId.current })
      .then(
        (round) => {
          requestId.current = undefined;
          setSending(false);
          setError(undefined);
          setCreated(round);
          setDraft(empty);
        },
        (e: unknown) => {
          setSending(false);
          setError({ message: errorMessage(e), rows: e instanceof ApiError ? e.rows : [] });
        }
      );
  };

  return (
    <form className={layout.section} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className={layout.subheading}>{s.RoundNewHeading}</h3>
      <div className={layout.row}>
        <Field label={s.RoundTitle} validationMessage={fieldError('title')} validationState={validation('title')}>
          <Input value={draft.title} onChange={(_, d) => set({ title: d.value })} />
        </Field>
        <Field label={s.RoundLastDay} validationMessage={fieldError('lastDay')} validationState={validation('lastDay')}>
          <Input type="date" value={draft.lastDay} onChange={(_, d) => set({ lastDay: d.value })} />
        </Field>
      </div>
      <fieldset className={layout.section} style={fieldsetStyle}
        aria-describedby={fieldError('units') === undefined ? undefined : `${headingId}-units`}>
        <legend>{s.RoundUnits}</legend>
        <div className={layout.row}>
          {answer.units.map((u) => (
            <Checkbox key={u.code} label={u.name} checked={draft.units.indexOf(u.code) >= 0}
              onChange={(_, d) => set({ units: toggle(draft.units, u.code, d.checked === true) })} />
          ))}
        </div>
        {fieldError('units') !== undefined && <p id={`${headingId}-units`} style={errorStyle}>{fieldError('units')}</p>}
      </fieldset>
      <fieldset className={layout.section} style={fieldsetStyle}
        aria-describedby={`${headingId}-tasks-hint${fieldError('tasks') === undefined ? '' : ` ${headingId}-tasks`}`}>
        <legend>{s.RoundTasks}</legend>
        <p id={`${headingId}-tasks-hint`} style={{ margin: 0 }}>{s.RoundTasksHint}</p>
        <div>
          {offered.map((t) => (
            <Checkbox key={t.code} label={`${t.code}. ${t.title}`} checked={draft.tasks.indexOf(t.code) >= 0}
              onChange={(_, d) => set({ tasks: toggle(draft.tasks, t.code, d.checked === true) })} />
          ))}
        </div>
        {fieldError('tasks') !== undefined && <p id={`${headingId}-tasks`} style={errorStyle}>{fieldError('tasks')}</p>}
      </fieldset>
      <div className={layout.row}>
        <Button appearance="primary" type="submit" disabled={sending}>{s.RoundCreate}</Button>
      </div>
      {error !== undefined && (
        <MessageBar intent="error"><MessageBarBody>{error.message}</MessageBarBody></MessageBar>
      )}
      {created !== undefined && (
        <p role="status">{format(s.RoundCreated, created.number, created.title, formatDay(created.lastDay),
          created.templates.length)}</p>
      )}
    </form>
  );
};
