/** The API settings as the package carries them (`apiSettings.ts`, written by build.sh), not yet checked. */
export interface IApiSettings {
  readonly origin: string;
  readonly resource: string;
  readonly allowedOrigins: readonly string[];
}

/** Settings that passed {@link readApiConfig}: `origin` is an allowed https (or loopback) origin. */
export interface IApiConfig {
  readonly origin: string;
  readonly resource: string;
  readonly allowedOrigins: readonly string[];
}

/** Why the package's API settings cannot be used. */
export type ApiConfigProblem = 'missing' | 'notAnOrigin' | 'notHttps' | 'notAllowed' | 'noResource' | 'notAppIdUri';

export type ApiConfigResult =
  | { readonly ok: true; readonly config: IApiConfig }
  | { readonly ok: false; readonly problem: ApiConfigProblem; readonly value: string };

const loopbackHosts: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * The API's application ID URI as infra/register-api.sh sets it, `api://<client id>`: the resource Entra issues the token
 * for (AadHttpClientFactory.getClient takes the application's id or URI, never its display name).
 */
const appIdUri: RegExp = /^api:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Why `value` is not an origin the package may call, or undefined when it is: exactly an origin (scheme, host, port; no
 * path, query, user or trailing slash), https — or http on localhost / 127.0.0.1, for a local `danvan365 serve` — and
 * written the same way in `allowedOrigins`, itself made of such origins only.
 */
export function originProblem(value: string, allowedOrigins: readonly string[]): ApiConfigProblem | undefined {
  if (value === '') {
    return 'missing';
  }

  const own = shapeProblem(value);
  if (own !== undefined) {
    return own;
  }

  const allowed = allowedOrigins.filter((origin) => shapeProblem(origin) === undefined);
  return allowed.indexOf(value) < 0 ? 'notAllowed' : undefined;
}

/** Checks the package's settings; the web parts call the API only with an `ok` result. */
export function readApiConfig(settings: IApiSettings): ApiConfigResult {
  const origin = settings.origin.trim();
  const problem = originProblem(origin, settings.allowedOrigins);
  if (problem !== undefined) {
    return { ok: false, problem, value: origin };
  }

  const resource = settings.resource.trim();
  if (resource === '') {
    return { ok: false, problem: 'noResource', value: resource };
  }

  if (!appIdUri.test(resource)) {
    return { ok: false, problem: 'notAppIdUri', value: resource };
  }

  return { ok: true, config: { origin, resource, allowedOrigins: settings.allowedOrigins } };
}

/**
 * The address of an API call: `path` (starting with `/api/`) on the configured origin. Throws when the origin is not on
 * the allow-list or the path would leave the origin, so a transport never sends a token anywhere else.
 */
export function apiUrl(config: IApiConfig, path: string): string {
  const problem = originProblem(config.origin, config.allowedOrigins);
  if (problem !== undefined) {
    throw new Error(`DanVan365: API origin refused (${problem}): ${config.origin}`);
  }

  if (path.indexOf('/api/') !== 0 || path.indexOf('//') >= 0 || path.indexOf('\\') >= 0) {
    throw new Error(`DanVan365: API path refused: ${path}`);
  }

  const url = `${config.origin}${path}`;
  if (parse(url)?.origin !== config.origin) {
    throw new Error(`DanVan365: API address leaves its origin: ${url}`);
  }

  return url;
}

function shapeProblem(value: string): ApiConfigProblem | undefined {
  const url = parse(value);
  if (url === undefined || url.origin !== value) {
    return 'notAnOrigin';
  }

  if (url.protocol === 'https:') {
    return undefined;
  }

  return url.protocol === 'http:' && loopbackHosts.indexOf(url.hostname) >= 0 ? undefined : 'notHttps';
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
