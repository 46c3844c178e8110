import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Textarea } from '@fluentui/react-components';
import { IReturnResult } from '../../../common/api/ApiTypes';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { errorMessage } from '../../../common/ui/useApiLoad';

/** The submission being returned: its round and unit. */
export interface IReturnTarget {
  readonly round: number;
  readonly roundTitle: string;
  readonly unit: string;
  readonly unitName: string;
}

export interface IReturnFormProps {
  readonly target: IReturnTarget;
  readonly onReturn: (target: IReturnTarget, reason: string) => Promise<IReturnResult>;
  readonly onDone: (result: IReturnResult) => void;
  readonly onCancel: () => void;
}

/**
 * "Trả lại, đề nghị bổ sung": Phòng Văn hóa - Xã hội writes why a unit's submission goes back. The API decides who may
 * (a refusal shows its Vietnamese message); nothing is sent without a reason.
 */
export const ReturnForm: React.FC<IReturnFormProps> = ({ target, onReturn, onDone, onCancel }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const [reason, setReason] = React.useState('');
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [missing, setMissing] = React.useState(false);
  const onSubmit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }

    setMissing(false);
    setSending(true);
    setError(undefined);
    onReturn(target, reason.trim()).then(
      (result) => {
        setSending(false);
        onDone(result);
      },
      (failure: unknown) => {
        setSending(false);
        setError(errorMessage(failure));
      }
    );
  };

  return (
    <form className={layout.section} onSubmit={onSubmit} noValidate data-testid="return-form">
      <h4 className={layout.subheading}>{format(s.ReturnFor, target.roundTitle, target.unitName)}</h4>
      <Field label={s.ReturnReason} required validationState={missing ? 'error' : 'none'}
        validationMessage={missing ? s.ReturnReasonMissing : undefined}>
        <Textarea value={reason} resize="vertical" disabled={sending} onChange={(_, data) => setReason(data.value)} />
      </Field>
      {error !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{s.ReturnFailed}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={layout.row}>
        <Button appearance="primary" type="submit" disabled={sending}>{s.ReturnConfirm}</Button>
        <Button type="button" disabled={sending} onClick={onCancel}>{s.ReturnCancel}</Button>
        {sending && <Spinner size="tiny" label={s.Sending} />}
      </div>
    </form>
  );
};
