import * as React from 'react';
import * as strings from 'DanVan365Strings';
import { IApiTransport } from '../../common/api/ApiClient';
import { DanVan365WebPartBase } from '../../common/DanVan365WebPartBase';
import { Dashboard } from './components/Dashboard';
import { DashboardService } from './services/DashboardService';
import { RoundService } from './services/RoundService';
import { ScoreService } from './services/ScoreService';

/** "Theo dõi nhiệm vụ dân vận" web part. */
export default class DashboardWebPart extends DanVan365WebPartBase {
  protected createRoot(transport: IApiTransport, ward: string | undefined): React.ReactElement {
    return React.createElement(Dashboard, {
      service: new DashboardService(transport, strings.ApiErrorFallback),
      roundService: new RoundService(transport, strings.ApiErrorFallback),
      scoreService: new ScoreService(transport, strings.ApiErrorFallback),
      ward
    });
  }
}
