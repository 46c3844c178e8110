import * as React from 'react';
import * as strings from 'DanVan365Strings';
import { IApiTransport } from '../../common/api/ApiClient';
import { DanVan365WebPartBase } from '../../common/DanVan365WebPartBase';
import { Proposals } from './components/Proposals';
import { ProposalService } from './services/ProposalService';

/** "Đề xuất điều chỉnh" web part. */
export default class ProposalsWebPart extends DanVan365WebPartBase {
  protected createRoot(transport: IApiTransport, ward: string | undefined): React.ReactElement {
    return React.createElement(Proposals, { service: new ProposalService(transport, strings.ApiErrorFallback), ward });
  }
}
