import { apiUrl, IApiConfig, originProblem, readApiConfig } from '../apiConfig';
import { apiConfigMessage } from '../apiConfigMessage';
import { loadStrings } from '../../../testing/strings';

const functionsApp = 'https://danvan365.azurewebsites.net';
const resource = 'api://6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e';
const config: IApiConfig = { origin: functionsApp, resource, allowedOrigins: [functionsApp] };

describe('originProblem', () => {
  it.each([
    [functionsApp],
    ['https://api.danvan365.vn:8443'],
    ['http://localhost:5366'],
    ['http://127.0.0.1:5366']
  ])('originProblem_AllowedHttpsOrLoopbackOrigin_None (%s)', (origin) => {
    expect(originProblem(origin, [origin])).toBeUndefined();
  });

  it.each([
    ['', 'missing'],
    [`${functionsApp}/`, 'notAnOrigin'],
    [`${functionsApp}/api`, 'notAnOrigin'],
    [`${functionsApp}?x=1`, 'notAnOrigin'],
    ['https://user@danvan365.azurewebsites.net', 'notAnOrigin'],
    ['https://DanVan365.azurewebsites.net', 'notAnOrigin'],
    ['data:text/html,x', 'notAnOrigin'],
    ['danvan365.azurewebsites.net', 'notAnOrigin'],
    ['http://danvan365.azurewebsites.net', 'notHttps'],
    ['http://192.168.1.10:5366', 'notHttps'],
    ['http://localhost.attacker.example:5366', 'notHttps']
  ])('originProblem_NotAnAllowedShape_Refused (%s → %s)', (origin, problem) => {
    expect(originProblem(origin, [origin])).toBe(problem);
  });

  it('originProblem_HttpsOriginOffTheList_NotAllowed', () => {
    expect(originProblem('https://attacker.example', [functionsApp])).toBe('notAllowed');
    expect(originProblem(functionsApp, [])).toBe('notAllowed');
  });

  it('originProblem_ListEntryNotHttps_DoesNotAllowIt', () => {
    expect(originProblem('http://danvan365.azurewebsites.net', ['http://danvan365.azurewebsites.net'])).toBe('notHttps');
    expect(originProblem(functionsApp, [`${functionsApp}/`])).toBe('notAllowed');
  });
});

describe('readApiConfig', () => {
  it('readApiConfig_AllowedOriginAndResource_Ok', () => {
    const result = readApiConfig({ origin: ` ${functionsApp} `, resource: ` ${resource} `, allowedOrigins: [functionsApp] });
    expect(result).toEqual({ ok: true, config });
  });

  it('readApiConfig_NoResource_Refused', () => {
    expect(readApiConfig({ origin: functionsApp, resource: ' ', allowedOrigins: [functionsApp] }))
      .toEqual({ ok: false, problem: 'noResource', value: '' });
  });

  it.each([
    ['DanVan365 API'],
    ['6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e'],
    ['api://DanVan365 API'],
    ['api://6F1C2D3E-4A5B-4C6D-8E7F-901A2B3C4D5E'],
    ['https://graph.microsoft.com']
  ])('readApiConfig_ResourceNotAnAppIdUri_Refused (%s)', (value) => {
    expect(readApiConfig({ origin: functionsApp, resource: value, allowedOrigins: [functionsApp] }))
      .toEqual({ ok: false, problem: 'notAppIdUri', value });
  });
});

describe('apiUrl', () => {
  it('apiUrl_ApiPathOnAllowedOrigin_Joined', () => {
    expect(apiUrl(config, '/api/dashboard?asOf=2026-05-20')).toBe(`${functionsApp}/api/dashboard?asOf=2026-05-20`);
  });

  it('apiUrl_OriginOffTheList_Throws', () => {
    expect(() => apiUrl({ ...config, origin: 'https://attacker.example' }, '/api/dashboard')).toThrow(/refused/);
    expect(() => apiUrl({ ...config, origin: 'http://attacker.example' }, '/api/dashboard')).toThrow(/refused/);
  });

  it.each([['api/x'], ['//attacker.example/api/x'], ['/api//attacker.example'], ['/api/\\x'], ['@attacker.example/api/x']])(
    'apiUrl_PathLeavingTheApi_Throws (%s)', (path) => {
      expect(() => apiUrl(config, path)).toThrow(/refused|leaves/);
    });
});

describe('apiConfigMessage', () => {
  it('apiConfigMessage_OriginOffTheList_VietnameseSentenceNamingTheAddress', () => {
    const strings = loadStrings('vi-vn');
    const message = apiConfigMessage(strings, readApiConfig({
      origin: 'https://attacker.example', resource: 'DanVan365 API', allowedOrigins: [functionsApp]
    }));
    expect(message).toContain('chưa được cấu hình đúng địa chỉ API');
    expect(message).toContain('"https://attacker.example" không có trong danh sách địa chỉ được phép');
    expect(message).not.toMatch(/\{\d\}/);
  });

  it.each([['missing'], ['notAnOrigin'], ['notHttps'], ['notAllowed'], ['noResource'], ['notAppIdUri']] as const)(
    'apiConfigMessage_EachProblem_HasItsOwnVietnameseReason (%s)', (problem) => {
      const strings = loadStrings('vi-vn');
      const message = apiConfigMessage(strings, { ok: false, problem, value: 'http://x' });
      expect(message).not.toMatch(/\{\d\}/);
      expect(message.length).toBeGreaterThan(strings.ApiConfigInvalid.length - 3);
    });
});
