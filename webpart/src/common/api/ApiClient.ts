import { IRowError } from './ApiTypes';

/** The part of an HTTP response the services read (AadHttpClient's HttpClientResponse and fetch's Response both fit). */
export interface IApiResponse {
  readonly status: number;
  readonly ok: boolean;
  json(): Promise<unknown>;
}

export interface IApiRequest {
  readonly method: 'GET' | 'POST';
  readonly body?: string;
}

/**
 * How a service reaches the API: `AadApiTransport` in SharePoint and Teams, a same-origin bearer-token fetch in the
 * local host page, a fake in tests. `path` starts with `/api/`.
 */
export interface IApiTransport {
  send(path: string, request: IApiRequest): Promise<IApiResponse>;
}

/** A refusal or failure answered by the API, with its Vietnamese message and any per-row problems. */
export class ApiError extends Error {
  public readonly status: number;
  public readonly rows: readonly IRowError[];

  public constructor(status: number, message: string, rows: readonly IRowError[]) {
    super(message);
    // The SPFx TypeScript target is ES5, where a subclass of Error loses its prototype; restore it so instanceof works.
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.status = status;
    this.rows = rows;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toRowErrors(value: unknown): IRowError[] {
  if (!Array.isArray(value)) {
    return [];
  }

  return value.filter(isRecord).map((row) => ({
    code: typeof row.code === 'string' ? row.code : null,
    field: typeof row.field === 'string' ? row.field : null,
    message: typeof row.message === 'string' ? row.message : ''
  }));
}

/** Reads an error answer; falls back to `fallback` when the body is not the documented error body. */
export async function toApiError(response: IApiResponse, fallback: string): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }

  if (isRecord(body) && typeof body.error === 'string' && body.error.length > 0) {
    return new ApiError(response.status, body.error, toRowErrors(body.rows));
  }

  return new ApiError(response.status, `${fallback} (HTTP ${response.status})`, []);
}

/** Sends a request and returns the JSON body, or throws `ApiError` for a non-2xx answer. */
export async function callApi<T>(
  transport: IApiTransport,
  method: 'GET' | 'POST',
  path: string,
  fallbackError: string,
  body?: unknown
): Promise<T> {
  const response = await transport.send(path, body === undefined ? { method } : { method, body: JSON.stringify(body) });
  if (!response.ok) {
    throw await toApiError(response, fallbackError);
  }

  return (await response.json()) as T;
}

/** `?a=1&b=2` from the defined, non-empty values (encoded). */
export function queryString(values: Readonly<Record<string, string | number | undefined>>): string {
  const parts = Object.keys(values)
    .filter((key) => values[key] !== undefined && values[key] !== '')
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(values[key]))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
