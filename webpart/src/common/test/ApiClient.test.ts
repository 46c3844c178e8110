import { ApiError, callApi, queryString } from '../api/ApiClient';
import { FakeTransport } from '../../testing/FakeTransport';

describe('callApi', () => {
  it('callApi_Ok_ReturnsBody', async () => {
    const transport = FakeTransport.answering({ status: 200, body: { value: 3 } });
    const body = await callApi<{ value: number }>(transport, 'GET', '/api/x', 'lỗi');
    expect(body.value).toBe(3);
    expect(transport.sent).toEqual([{ path: '/api/x', method: 'GET', body: undefined }]);
  });

  it('callApi_ErrorBodyWithRows_ThrowsApiErrorWithRows', async () => {
    const transport = FakeTransport.answering({
      status: 400,
      body: { error: 'Báo cáo có 1 dòng chưa hợp lệ.', rows: [{ code: '1.1', field: 'result', message: 'quá dài' }, 'rác'] }
    });
    const error = await callApi(transport, 'POST', '/api/submissions', 'lỗi', { a: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('Báo cáo có 1 dòng chưa hợp lệ.');
    expect(apiError.rows).toEqual([{ code: '1.1', field: 'result', message: 'quá dài' }]);
    expect(transport.sent[0].body).toEqual({ a: 1 });
  });

  it('callApi_NotJsonError_UsesFallbackWithStatus', async () => {
    const transport = FakeTransport.answering({ status: 502, body: '<html>' });
    const error = (await callApi(transport, 'GET', '/api/x', 'Không gọi được máy chủ').catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('Không gọi được máy chủ (HTTP 502)');
    expect(error.rows).toEqual([]);
  });
});

describe('queryString', () => {
  it('queryString_Values_EncodesAndSkipsEmpty', () => {
    expect(queryString({ asOf: '2026-11-30', unit: 'A&B', section: undefined, status: '' })).toBe('?asOf=2026-11-30&unit=A%26B');
  });

  it('queryString_NoValues_Empty', () => {
    expect(queryString({ round: undefined })).toBe('');
  });
});
