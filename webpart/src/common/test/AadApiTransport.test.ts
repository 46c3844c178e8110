// SPFx's runtime does not load under Jest: the transport's one use of it (the client configuration) is stood in for, and
// the transport is required after the stand-in is registered.
jest.mock('@microsoft/sp-http', () => ({ AadHttpClient: { configurations: { v1: {} } } }));

import type { AadHttpClientFactory } from '@microsoft/sp-http';
import type { AadApiTransport as Transport } from '../api/AadApiTransport';
import type { IApiConfig } from '../config/apiConfig';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { AadApiTransport } = require('../api/AadApiTransport') as { AadApiTransport: typeof Transport };

const functionsApp = 'https://danvan365.azurewebsites.net';

/** A token factory that records what it was asked for and whose client records the addresses it was given. */
function fakeFactory(): { factory: AadHttpClientFactory; resources: string[]; urls: string[] } {
  const resources: string[] = [];
  const urls: string[] = [];
  const client = {
    fetch: (url: string) => {
      urls.push(url);
      return Promise.resolve({ status: 200, ok: true, json: () => Promise.resolve({}) });
    }
  };
  const factory = {
    getClient: (resource: string) => {
      resources.push(resource);
      return Promise.resolve(client);
    }
  } as unknown as AadHttpClientFactory;
  return { factory, resources, urls };
}

describe('AadApiTransport', () => {
  it('constructor_OriginOffTheList_ThrowsBeforeAskingForAToken', () => {
    const fake = fakeFactory();
    const config: IApiConfig = { origin: 'https://attacker.example', resource: 'DanVan365 API', allowedOrigins: [functionsApp] };
    expect(() => new AadApiTransport(fake.factory, config)).toThrow(/refused/);
    expect(fake.resources).toEqual([]);
  });

  it('send_AllowedOrigin_CallsTheApiOnThatOriginOnly', async () => {
    const fake = fakeFactory();
    const config: IApiConfig = { origin: functionsApp, resource: 'DanVan365 API', allowedOrigins: [functionsApp] };
    const transport = new AadApiTransport(fake.factory, config);
    await transport.send('/api/dashboard', { method: 'GET' });
    await expect(transport.send('//attacker.example/api/x', { method: 'GET' })).rejects.toThrow(/refused/);
    expect(fake.resources).toEqual(['DanVan365 API']);
    expect(fake.urls).toEqual([`${functionsApp}/api/dashboard`]);
  });
});
