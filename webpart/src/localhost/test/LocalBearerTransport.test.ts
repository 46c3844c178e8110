import { IApiResponse } from '../../common/api/ApiClient';
import { fetchToken, FetchLike, LocalBearerTransport, readOptions } from '../LocalBearerTransport';

interface ICall {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string };
}

function fakeFetch(status: number, body: unknown, calls: ICall[]): FetchLike {
  return (url, init) => {
    calls.push({ url, init });
    const response: IApiResponse = { status, ok: status >= 200 && status < 300, json: () => Promise.resolve(body) };
    return Promise.resolve(response);
  };
}

describe('LocalBearerTransport', () => {
  it('send_Post_SameOriginWithBearerAndJson', async () => {
    const calls: ICall[] = [];
    const transport = new LocalBearerTransport(fakeFetch(202, {}, calls), 'tok123');
    await transport.send('/api/submissions', { method: 'POST', body: '{"a":1}' });
    expect(calls).toEqual([{ url: '/api/submissions', init: { method: 'POST', body: '{"a":1}', headers: {
      Accept: 'application/json', Authorization: 'Bearer tok123', 'Content-Type': 'application/json; charset=utf-8' } } }]);
  });

  it('fetchToken_As_AsksServeForThatPerson', async () => {
    const calls: ICall[] = [];
    const token = await fetchToken(fakeFetch(200, { accessToken: 'abc', expiresOn: 'x' }, calls), 'to.mttq@haian.gov.vn');
    expect(token).toBe('abc');
    expect(calls[0].url).toBe('/_serve/token?as=to.mttq%40haian.gov.vn');
  });

  it('fetchToken_UnknownPerson_ThrowsTheServeMessage', async () => {
    const error = await fetchToken(fakeFetch(404, { error: 'Không có người này.' }, []), 'x@y').catch((e: unknown) => e);
    expect((error as Error).message).toBe('Không có người này.');
  });

  it('readOptions_Query_ReadsViewAsAndRound', () => {
    expect(readOptions('?as=a%40b.vn&view=report&round=3')).toEqual({ as: 'a@b.vn', view: 'report', asOf: undefined, round: 3 });
    expect(readOptions('?view=nonsense&asOf=2026-06-30')).toEqual({ as: undefined, view: 'dashboard', asOf: '2026-06-30', round: undefined });
  });
});
