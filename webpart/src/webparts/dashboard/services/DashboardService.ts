import { callApi, IApiTransport, queryString } from '../../../common/api/ApiClient';
import { IDashboard, IDashboardQuery, IReturnResult } from '../../../common/api/ApiTypes';

/**
 * Reads the ward's dashboard (GET /api/dashboard) and returns a unit's submission for additions
 * (POST /api/rounds/{round}/units/{unit}/return).
 */
export interface IDashboardService {
  getDashboard(query: IDashboardQuery): Promise<IDashboard>;
  returnSubmission(round: number, unit: string, reason: string, ward?: string): Promise<IReturnResult>;
}

export class DashboardService implements IDashboardService {
  private readonly _transport: IApiTransport;
  private readonly _fallbackError: string;

  public constructor(transport: IApiTransport, fallbackError: string) {
    this._transport = transport;
    this._fallbackError = fallbackError;
  }

  public getDashboard(query: IDashboardQuery): Promise<IDashboard> {
    const path = `/api/dashboard${queryString({
      asOf: query.asOf,
      ward: query.ward,
      unit: query.unit,
      section: query.section,
      status: query.status
    })}`;
    return callApi<IDashboard>(this._transport, 'GET', path, this._fallbackError);
  }

  public returnSubmission(round: number, unit: string, reason: string, ward?: string): Promise<IReturnResult> {
    const path = `/api/rounds/${round}/units/${encodeURIComponent(unit)}/return`;
    return callApi<IReturnResult>(this._transport, 'POST', path, this._fallbackError, { ward, reason });
  }
}
