import { format } from '../ui/StringsContext';
import { ApiConfigResult } from './apiConfig';

/** The Vietnamese sentence shown instead of the web part when the package's API settings are unusable. */
export function apiConfigMessage(strings: IDanVan365Strings, result: ApiConfigResult): string {
  if (result.ok) {
    return '';
  }

  const reasons = {
    missing: strings.ApiConfigMissing,
    notAnOrigin: strings.ApiConfigNotAnOrigin,
    notHttps: strings.ApiConfigNotHttps,
    notAllowed: strings.ApiConfigNotAllowed,
    noResource: strings.ApiConfigNoResource,
    notAppIdUri: strings.ApiConfigNotAppIdUri
  };
  return format(strings.ApiConfigInvalid, format(reasons[result.problem], result.value));
}
