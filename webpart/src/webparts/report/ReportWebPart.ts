import * as React from 'react';
import * as strings from 'DanVan365Strings';
import { IApiTransport } from '../../common/api/ApiClient';
import { DanVan365WebPartBase } from '../../common/DanVan365WebPartBase';
import { ReportForm } from './components/ReportForm';
import { ReportService } from './services/ReportService';
import { roundFromQuery } from './services/roundFromQuery';

/** "Báo cáo kết quả" web part. */
export default class ReportWebPart extends DanVan365WebPartBase {
  protected createRoot(transport: IApiTransport, ward: string | undefined): React.ReactElement {
    return React.createElement(ReportForm, {
      service: new ReportService(transport, strings.ApiErrorFallback), ward, round: roundFromQuery(window.location.search)
    });
  }
}
