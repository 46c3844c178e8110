import * as React from 'react';
import { Badge, Button, Card, Field, makeStyles, MessageBar, MessageBarBody, Textarea, tokens, useId } from '@fluentui/react-components';
import { IProposal } from '../../../common/api/ApiTypes';
import { formatDay, formatInstant } from '../../../common/ui/dates';
import { useLayoutStyles } from '../../../common/ui/layout';
import { format, useStrings } from '../../../common/ui/StringsContext';
import { errorMessage } from '../../../common/ui/useApiLoad';
import { IProposalService } from '../services/ProposalService';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  facts: { margin: '0', display: 'grid', gridTemplateColumns: 'minmax(90px, max-content) 1fr', columnGap: tokens.spacingHorizontalM },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: '0', overflowWrap: 'anywhere' }
});

export interface IProposalQueueProps {
  readonly service: IProposalService;
  readonly items: readonly IProposal[];
  readonly onChanged: (proposal: IProposal) => void;
}

const ProposalCard: React.FC<{ proposal: IProposal; service: IProposalService; onChanged: (p: IProposal) => void }> = ({
  proposal: p, service, onChanged
}) => {
  const s = useStrings();
  const styles = useStyles();
  const layout = useLayoutStyles();
  const headingId = useId('dv-proposal-');
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const act = (call: () => Promise<IProposal>): void => {
    setBusy(true);
    call().then(
      (updated) => {
        setBusy(false);
        setError(undefined);
        setNote('');
        onChanged(updated);
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorMessage(e));
      }
    );
  };
  const facts: [string, string][] = [
    [s.ProposalUnit, p.unitName],
    [s.ProposalTaskCode, p.taskCode ?? s.ProposalNewTask],
    [s.ProposalText, p.text ?? ''],
    [s.ProposalLastDay, formatDay(p.lastDay)],
    [s.ProposalReason, p.reason],
    [s.ProposalBy, `${p.proposer} (${formatDay(p.proposedOn)})`],
    [s.ProposalReviewNote, p.reviewNote === null ? '' : `${p.reviewNote} (${p.reviewedBy ?? ''} ${formatInstant(p.reviewedAt)})`],
    [s.ProposalDecisionNote, p.decidedBy === null ? '' : `${p.decisionNote ?? ''} (${p.decidedBy} ${formatInstant(p.decidedAt)})`]
  ];
  const heading = format(s.ProposalHeading, p.id, p.kindLabel, p.taskCode ?? s.ProposalNewTask);
  return (
    <Card aria-labelledby={headingId}>
      <h4 className={layout.subheading} id={headingId}>
        {heading} <Badge appearance="tint">{p.stateLabel}</Badge>
      </h4>
      <dl className={styles.facts}>
        {facts.filter(([, v]) => v !== '').map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      {(p.canReview || p.canDecide) && (
        <div className={layout.section}>
          <Field label={format(s.ProposalNoteFor, p.id)}>
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} disabled={busy} />
          </Field>
          <div className={layout.row}>
            {p.canReview && (
              <>
                <Button appearance="primary" disabled={busy} onClick={() => act(() => service.review(p.id, 'forward', note))}>
                  {s.ActionForward}
                </Button>
                <Button disabled={busy} onClick={() => act(() => service.review(p.id, 'reject', note))}>{s.ActionReviewReject}</Button>
              </>
            )}
            {p.canDecide && (
              <>
                <Button appearance="primary" disabled={busy} onClick={() => act(() => service.decide(p.id, 'approve', note))}>
                  {s.ActionApprove}
                </Button>
                <Button disabled={busy} onClick={() => act(() => service.decide(p.id, 'reject', note))}>{s.ActionDecideReject}</Button>
              </>
            )}
          </div>
        </div>
      )}
      {error !== undefined && (
        <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>
      )}
    </Card>
  );
};

/** The proposals the caller may see; review / decision buttons only where the API says the caller may act. */
export const ProposalQueue: React.FC<IProposalQueueProps> = ({ service, items, onChanged }) => {
  const s = useStrings();
  const styles = useStyles();
  if (items.length === 0) {
    return <p>{s.ProposalNone}</p>;
  }

  return (
    <ul className={styles.list}>
      {items.map((p) => (
        <li key={p.id} data-proposal={p.id}>
          <ProposalCard proposal={p} service={service} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
};
