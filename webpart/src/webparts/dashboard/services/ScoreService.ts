import { callApi, IApiTransport, queryString } from '../../../common/api/ApiClient';
import { IScoreAppraisal, IScoreProposal, IScoresAnswer, IUnitScore } from '../../../common/api/ApiTypes';

/**
 * Scoring and ranking the units (issue 24, docs/api.md "Scoring"): the table (GET /api/scores), a unit's own score, the
 * appraisal of Phòng Văn hóa - Xã hội, and the signer's approval.
 */
export interface IScoreService {
  list(ward?: string): Promise<IScoresAnswer>;
  propose(unit: string, proposal: IScoreProposal): Promise<IUnitScore>;
  appraise(unit: string, appraisal: IScoreAppraisal): Promise<IUnitScore>;
  approve(ward?: string): Promise<IScoresAnswer>;
}

export class ScoreService implements IScoreService {
  private readonly _transport: IApiTransport;
  private readonly _fallbackError: string;

  public constructor(transport: IApiTransport, fallbackError: string) {
    this._transport = transport;
    this._fallbackError = fallbackError;
  }

  public list(ward?: string): Promise<IScoresAnswer> {
    return callApi<IScoresAnswer>(this._transport, 'GET', `/api/scores${queryString({ ward })}`, this._fallbackError);
  }

  public propose(unit: string, proposal: IScoreProposal): Promise<IUnitScore> {
    const path = `/api/scores/${encodeURIComponent(unit)}/proposal`;
    return callApi<IUnitScore>(this._transport, 'POST', path, this._fallbackError, proposal);
  }

  public appraise(unit: string, appraisal: IScoreAppraisal): Promise<IUnitScore> {
    const path = `/api/scores/${encodeURIComponent(unit)}/appraisal`;
    return callApi<IUnitScore>(this._transport, 'POST', path, this._fallbackError, appraisal);
  }

  public approve(ward?: string): Promise<IScoresAnswer> {
    return callApi<IScoresAnswer>(this._transport, 'POST', '/api/scores/approval', this._fallbackError, ward === undefined ? {} : { ward });
  }
}
