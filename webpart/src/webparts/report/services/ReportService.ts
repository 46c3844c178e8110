import { callApi, IApiTransport, queryString } from '../../../common/api/ApiClient';
import { IMyWork, ISubmission, ISubmitResult } from '../../../common/api/ApiTypes';

/** The caller's unit's rows for a round (GET /api/my/work) and the report submission (POST /api/submissions). */
export interface IReportService {
  getMyWork(round?: number, ward?: string): Promise<IMyWork>;
  submit(submission: ISubmission): Promise<ISubmitResult>;
}

export class ReportService implements IReportService {
  private readonly _transport: IApiTransport;
  private readonly _fallbackError: string;

  public constructor(transport: IApiTransport, fallbackError: string) {
    this._transport = transport;
    this._fallbackError = fallbackError;
  }

  public getMyWork(round?: number, ward?: string): Promise<IMyWork> {
    const path = `/api/my/work${queryString({ round, ward })}`;
    return callApi<IMyWork>(this._transport, 'GET', path, this._fallbackError);
  }

  public submit(submission: ISubmission): Promise<ISubmitResult> {
    return callApi<ISubmitResult>(this._transport, 'POST', '/api/submissions', this._fallbackError, submission);
  }
}
