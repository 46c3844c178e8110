import { IApiSettings } from './apiConfig';

/**
 * The DanVan365 API this package calls: set here by whoever builds the package, before `bash webpart/build.sh`, and
 * bundled into the .sppkg. A page editor cannot change it (the web parts' property pane has no API address), so nobody
 * editing a page can send the visitors' tokens to another host.
 *
 * - `origin`: the Functions app, exactly as an origin: `https://NAME.azurewebsites.net` (no path, no trailing slash).
 *   `http://localhost:PORT` or `http://127.0.0.1:PORT` only for a local `danvan365 serve`.
 * - `resource`: the API's app registration, the name in `webApiPermissionRequests` (`DanVan365 API`) or its Application
 *   ID URI.
 * - `allowedOrigins`: the origins this package may call; `origin` must be one of them, written the same way.
 *
 * Left empty, the web parts show that the package is not configured and call nothing.
 */
export const apiSettings: IApiSettings = {
  origin: '',
  resource: 'DanVan365 API',
  allowedOrigins: []
};
