import * as React from 'react';
import { Field, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { IRowError, ISubmissionRow, IWorkRow } from '../../../common/api/ApiTypes';
import { formatDay } from '../../../common/ui/dates';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { useFieldsetStyles } from '../../../common/ui/layout';

export type RowField = 'result' | 'status' | 'difficulties' | 'proposals';

export interface IReportRowFieldsProps {
  readonly row: IWorkRow;
  readonly value: ISubmissionRow;
  readonly statusLabels: readonly string[];
  readonly errors: readonly IRowError[];
  readonly disabled: boolean;
  readonly onChange: (code: string, field: RowField, text: string) => void;
}

/** One task row of the report: the four columns of the Word template, labelled with the task code. */
export const ReportRowFields: React.FC<IReportRowFieldsProps> = ({ row, value, statusLabels, errors, disabled, onChange }) => {
  const s = useStrings();
  const styles = useFieldsetStyles();
  const messageFor = (field: RowField): string | undefined => {
    const messages = errors.filter((e) => e.field === field).map((e) => e.message);
    return messages.length === 0 ? undefined : messages.join(' ');
  };
  const rowMessages = errors.filter((e) => e.field === null || ['result', 'status', 'difficulties', 'proposals'].indexOf(e.field) < 0);
  const text = (field: Exclude<RowField, 'status'>, label: string): React.ReactElement => {
    const message = messageFor(field);
    return (
      <Field label={`${label} ${row.code}`} validationMessage={message} validationState={message === undefined ? 'none' : 'error'}>
        <Textarea value={value[field]} resize="vertical" disabled={disabled}
          onChange={(_, data) => onChange(row.code, field, data.value)} />
      </Field>
    );
  };
  const statusMessage = messageFor('status');
  const lastDay = row.lastDay === null ? s.NoLastDay : format(s.LastDayLine, formatDay(row.lastDay));
  return (
    <fieldset className={styles.fieldset} data-code={row.code}>
      <legend className={styles.legend}>{`${row.code}. ${row.task} (${row.role}; ${lastDay})`}</legend>
      {rowMessages.length > 0 && (
        <MessageBar intent="error" className={styles.wide}>
          <MessageBarBody>{rowMessages.map((e) => e.message).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.wide}>{text('result', s.FieldResult)}</div>
      <Field label={`${s.FieldStatus} ${row.code}`} validationMessage={statusMessage}
        validationState={statusMessage === undefined ? 'none' : 'error'}>
        <Select value={value.status} disabled={disabled} onChange={(_, data) => onChange(row.code, 'status', data.value)}>
          <option value="">{s.StatusNotChosen}</option>
          {statusLabels.map((label) => (
            <option key={label} value={label}>{label}</option>
          ))}
        </Select>
      </Field>
      {text('difficulties', s.FieldDifficulties)}
      {text('proposals', s.FieldProposals)}
    </fieldset>
  );
};
