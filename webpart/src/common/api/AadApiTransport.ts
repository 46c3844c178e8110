import { AadHttpClient, AadHttpClientFactory } from '@microsoft/sp-http';
import { IApiRequest, IApiResponse, IApiTransport } from './ApiClient';

/** Calls the DanVan365 API with a token for its app registration, through SPFx's AadHttpClient. */
export class AadApiTransport implements IApiTransport {
  private readonly _baseUrl: string;
  private readonly _client: Promise<AadHttpClient>;

  public constructor(factory: AadHttpClientFactory, resource: string, baseUrl: string) {
    this._baseUrl = baseUrl.replace(/\/+$/, '');
    this._client = factory.getClient(resource);
  }

  public async send(path: string, request: IApiRequest): Promise<IApiResponse> {
    const client = await this._client;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }

    return client.fetch(`${this._baseUrl}${path}`, AadHttpClient.configurations.v1, {
      method: request.method,
      headers,
      body: request.body
    });
  }
}
