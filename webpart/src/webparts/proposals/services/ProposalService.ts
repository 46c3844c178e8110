import { callApi, IApiTransport, queryString } from '../../../common/api/ApiClient';
import { DecisionAction, INewProposal, IProposal, IProposalList, ProposalState, ReviewAction } from '../../../common/api/ApiTypes';

/**
 * A new client request id (a random UUID) for one proposal's submit; the API gives back the proposal already recorded when
 * the same id comes again.
 */
export function newRequestId(): string {
  return crypto.randomUUID();
}

/** Adjustment proposals (issue 17): list, propose, review, decide. */
export interface IProposalService {
  list(state?: ProposalState, ward?: string): Promise<IProposalList>;
  create(proposal: INewProposal): Promise<IProposal>;
  review(id: number, action: ReviewAction, note: string): Promise<IProposal>;
  decide(id: number, action: DecisionAction, note: string): Promise<IProposal>;
}

export class ProposalService implements IProposalService {
  private readonly _transport: IApiTransport;
  private readonly _fallbackError: string;

  public constructor(transport: IApiTransport, fallbackError: string) {
    this._transport = transport;
    this._fallbackError = fallbackError;
  }

  public list(state?: ProposalState, ward?: string): Promise<IProposalList> {
    return callApi<IProposalList>(this._transport, 'GET', `/api/proposals${queryString({ state, ward })}`, this._fallbackError);
  }

  public create(proposal: INewProposal): Promise<IProposal> {
    return callApi<IProposal>(this._transport, 'POST', '/api/proposals', this._fallbackError, proposal);
  }

  public review(id: number, action: ReviewAction, note: string): Promise<IProposal> {
    const path = `/api/proposals/${encodeURIComponent(String(id))}/review`;
    return callApi<IProposal>(this._transport, 'POST', path, this._fallbackError, { action, note });
  }

  public decide(id: number, action: DecisionAction, note: string): Promise<IProposal> {
    const path = `/api/proposals/${encodeURIComponent(String(id))}/decision`;
    return callApi<IProposal>(this._transport, 'POST', path, this._fallbackError, { action, note });
  }
}
