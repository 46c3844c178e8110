import { IApiRequest, IApiResponse, IApiTransport } from '../common/api/ApiClient';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<IApiResponse>;

/** The local host's stand-in for AadHttpClient: same-origin calls with the token `danvan365 serve` issued. */
export class LocalBearerTransport implements IApiTransport {
  private readonly _fetch: FetchLike;
  private readonly _token: string;

  public constructor(fetchFn: FetchLike, token: string) {
    this._fetch = fetchFn;
    this._token = token;
  }

  public send(path: string, request: IApiRequest): Promise<IApiResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${this._token}` };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }

    return this._fetch(path, { method: request.method, headers, body: request.body });
  }
}

export type LocalView = 'dashboard' | 'report' | 'proposals';

export interface ILocalHostOptions {
  readonly as: string | undefined;
  readonly view: LocalView;
  readonly asOf: string | undefined;
  readonly round: number | undefined;
}

/** Reads `?as=EMAIL&view=dashboard|report|proposals[&asOf=][&round=]` (docs/api.md, "Local host page"). */
export function readOptions(search: string): ILocalHostOptions {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const round = Number(params.get('round') ?? '');
  return {
    as: params.get('as') ?? undefined,
    view: view === 'report' || view === 'proposals' ? view : 'dashboard',
    asOf: params.get('asOf') ?? undefined,
    round: Number.isInteger(round) && round > 0 ? round : undefined
  };
}

/** GET /_serve/token[?as=EMAIL] → the access token, or an error naming the status. */
export async function fetchToken(fetchFn: FetchLike, as: string | undefined): Promise<string> {
  const path = as === undefined ? '/_serve/token' : `/_serve/token?as=${encodeURIComponent(as)}`;
  const response = await fetchFn(path, { method: 'GET', headers: { Accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as { accessToken?: string; error?: string } | undefined;
  if (!response.ok || body === undefined || typeof body.accessToken !== 'string') {
    throw new Error(body?.error ?? `HTTP ${response.status}`);
  }

  return body.accessToken;
}
