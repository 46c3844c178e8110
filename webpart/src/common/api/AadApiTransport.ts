import { AadHttpClient, AadHttpClientFactory } from '@microsoft/sp-http';
import { apiUrl, IApiConfig } from '../config/apiConfig';
import { IApiRequest, IApiResponse, IApiTransport } from './ApiClient';

/**
 * Calls the DanVan365 API with a token for its app registration, through SPFx's AadHttpClient. The origin and the resource
 * come from the package's checked configuration (`config/apiSettings.ts`), never from the page; every address is checked
 * against the allow-list again before a token is sent (`apiUrl`).
 */
export class AadApiTransport implements IApiTransport {
  private readonly _config: IApiConfig;
  private readonly _client: Promise<AadHttpClient>;

  public constructor(factory: AadHttpClientFactory, config: IApiConfig) {
    apiUrl(config, '/api/');
    this._config = config;
    this._client = factory.getClient(config.resource);
  }

  public async send(path: string, request: IApiRequest): Promise<IApiResponse> {
    const url = apiUrl(this._config, path);
    const client = await this._client;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }

    return client.fetch(url, AadHttpClient.configurations.v1, {
      method: request.method,
      headers,
      body: request.body
    });
  }
}
