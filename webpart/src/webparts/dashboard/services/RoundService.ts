import { callApi, IApiTransport, queryString } from '../../../common/api/ApiClient';
import { IAdHocRoundRequest, IRound, IRoundsAnswer } from '../../../common/api/ApiTypes';

/** The ward's reporting rounds (GET /api/rounds) and ad hoc rounds of Phòng Văn hóa - Xã hội (POST /api/rounds). */
export interface IRoundService {
  list(ward?: string): Promise<IRoundsAnswer>;
  create(request: IAdHocRoundRequest): Promise<IRound>;
}

export class RoundService implements IRoundService {
  private readonly _transport: IApiTransport;
  private readonly _fallbackError: string;

  public constructor(transport: IApiTransport, fallbackError: string) {
    this._transport = transport;
    this._fallbackError = fallbackError;
  }

  public list(ward?: string): Promise<IRoundsAnswer> {
    return callApi<IRoundsAnswer>(this._transport, 'GET', `/api/rounds${queryString({ ward })}`, this._fallbackError);
  }

  public create(request: IAdHocRoundRequest): Promise<IRound> {
    return callApi<IRound>(this._transport, 'POST', '/api/rounds', this._fallbackError, request);
  }
}
