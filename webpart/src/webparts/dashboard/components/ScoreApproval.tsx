import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, useId } from '@fluentui/react-components';
import { IScoresAnswer } from '../../../common/api/ApiTypes';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { errorMessage } from '../../../common/ui/useApiLoad';
import { IScoreService } from '../services/ScoreService';

export interface IScoreApprovalProps {
  readonly year: number;
  readonly service: IScoreService;
  readonly ward?: string;
  readonly onApproved: (answer: IScoresAnswer) => void;
}

/**
 * "Phê duyệt kết quả xếp loại": one button, then a confirmation; shown only when the API's `canApprove` says the caller
 * may approve now. A refusal (403, 409) shows the API's Vietnamese message.
 */
export const ScoreApproval: React.FC<IScoreApprovalProps> = ({ year, service, ward, onApproved }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const questionId = useId('dv-approve-');
  const confirmRef = React.useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    if (confirming) {
      confirmRef.current?.focus();
    }
  }, [confirming]);

  const approve = (): void => {
    setBusy(true);
    service.approve(ward).then(
      (answer) => {
        setBusy(false);
        setConfirming(false);
        setError(undefined);
        onApproved(answer);
      },
      (e: unknown) => {
        setBusy(false);
        setConfirming(false);
        setError(errorMessage(e));
      }
    );
  };

  return (
    <div className={layout.section} data-testid="score-approval">
      {confirming ? (
        <div className={layout.section} role="group" aria-labelledby={questionId}>
          <p id={questionId} style={{ margin: 0 }}>{format(s.ScoreApproveQuestion, year)}</p>
          <div className={layout.row}>
            <Button appearance="primary" ref={confirmRef} disabled={busy} onClick={approve}>{s.ScoreApproveConfirm}</Button>
            <Button disabled={busy} onClick={() => setConfirming(false)}>{s.ScoreApproveCancel}</Button>
            {busy && <Spinner size="tiny" label={s.Sending} />}
          </div>
        </div>
      ) : (
        <div className={layout.row}>
          <Button appearance="primary" onClick={() => { setError(undefined); setConfirming(true); }}>{s.ScoreApprove}</Button>
        </div>
      )}
      {error !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{s.ScoreFailed}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
};
