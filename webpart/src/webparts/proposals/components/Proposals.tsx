import * as React from 'react';
import { Field, MessageBar, MessageBarBody, Select, Spinner, useId } from '@fluentui/react-components';
import { IProposal, IProposalList, ProposalState } from '../../../common/api/ApiTypes';
import { useLayoutStyles } from '../../../common/ui/layout';
import { useStrings } from '../../../common/ui/StringsContext';
import { useApiLoad } from '../../../common/ui/useApiLoad';
import { IProposalService } from '../services/ProposalService';
import { ProposalForm } from './ProposalForm';
import { ProposalQueue } from './ProposalQueue';

export interface IProposalsProps {
  readonly service: IProposalService;
  readonly ward?: string;
  readonly onShown?: () => void;
}

const states: readonly ProposalState[] = ['ChoXemXet', 'DaTrinh', 'ChapThuan', 'KhongChapThuan', 'RutLai'];

/** "Đề xuất điều chỉnh": units propose; the reviewer and the decider see the queue and act. */
export const Proposals: React.FC<IProposalsProps> = ({ service, ward, onShown }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const queueId = useId('dv-proposal-queue-');
  const [filter, setFilter] = React.useState<ProposalState | ''>('');
  const [state, replace] = useApiLoad<IProposalList>(
    () => service.list(filter === '' ? undefined : filter, ward), `${filter}|${ward ?? ''}`);
  React.useEffect(() => {
    if (state.kind !== 'loading' && onShown !== undefined) {
      onShown();
    }
  }, [state, onShown]);

  const stateLabels: Record<ProposalState, string> = {
    ChoXemXet: s.StateWaiting, DaTrinh: s.StateForwarded, ChapThuan: s.StateApproved,
    KhongChapThuan: s.StateRejected, RutLai: s.StateWithdrawn
  };
  const upsert = (list: IProposalList, proposal: IProposal): IProposalList => {
    const others = list.items.filter((p) => p.id !== proposal.id);
    const matches = filter === '' || proposal.state === filter;
    const items = matches
      ? (list.items.some((p) => p.id === proposal.id)
        ? list.items.map((p) => (p.id === proposal.id ? proposal : p))
        : [proposal, ...list.items])
      : others;
    return { ...list, items };
  };

  return (
    <div className={layout.page}>
      <h2 className={layout.heading}>{s.ProposalsTitle}</h2>
      {state.kind === 'loading' && <Spinner label={s.Loading} />}
      {state.kind === 'failed' && (
        <MessageBar intent="error" role="alert"><MessageBarBody>{state.error}</MessageBarBody></MessageBar>
      )}
      {state.kind === 'loaded' && state.value.myUnits.length > 0 && state.value.role !== 'decider' && (
        <ProposalForm service={service} ward={ward} units={state.value.myUnits}
          onCreated={(p) => replace(upsert(state.value, p))} />
      )}
      <section className={layout.section} aria-labelledby={queueId}>
        <h3 id={queueId} className={layout.subheading}>{s.ProposalQueueHeading}</h3>
        <Field label={s.FilterState}>
          <Select value={filter} onChange={(_, d) => setFilter(d.value as ProposalState | '')}>
            <option value="">{s.FilterAll}</option>
            {states.map((x) => <option key={x} value={x}>{stateLabels[x]}</option>)}
          </Select>
        </Field>
        {state.kind === 'loaded' && (
          <ProposalQueue service={service} items={state.value.items} onChanged={(p) => replace(upsert(state.value, p))} />
        )}
      </section>
    </div>
  );
};
