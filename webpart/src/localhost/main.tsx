import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'DanVan365Strings';
import { AppShell } from '../common/ui/AppShell';
import { Dashboard } from '../webparts/dashboard/components/Dashboard';
import { DashboardService } from '../webparts/dashboard/services/DashboardService';
import { RoundService } from '../webparts/dashboard/services/RoundService';
import { ScoreService } from '../webparts/dashboard/services/ScoreService';
import { Proposals } from '../webparts/proposals/components/Proposals';
import { ProposalService } from '../webparts/proposals/services/ProposalService';
import { ReportForm } from '../webparts/report/components/ReportForm';
import { ReportService } from '../webparts/report/services/ReportService';
import { fetchToken, FetchLike, ILocalHostOptions, LocalBearerTransport, readOptions } from './LocalBearerTransport';

const browserFetch: FetchLike = (url, init) => window.fetch(url, { ...init, credentials: 'same-origin' });

function markReady(): void {
  document.body.setAttribute('data-ready', 'true');
}

function rootFor(options: ILocalHostOptions, token: string): React.ReactElement {
  const transport = new LocalBearerTransport(browserFetch, token);
  switch (options.view) {
    case 'report':
      return <ReportForm service={new ReportService(transport, strings.ApiErrorFallback)} round={options.round} onShown={markReady} />;
    case 'proposals':
      return <Proposals service={new ProposalService(transport, strings.ApiErrorFallback)} onShown={markReady} />;
    default:
      return (
        <Dashboard service={new DashboardService(transport, strings.ApiErrorFallback)} initialAsOf={options.asOf}
          roundService={new RoundService(transport, strings.ApiErrorFallback)}
          scoreService={new ScoreService(transport, strings.ApiErrorFallback)} onShown={markReady} />
      );
  }
}

/** Mounts the web parts' components the way the SPFx web parts do, with a same-origin bearer-token client. */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) {
    return;
  }

  const options = readOptions(window.location.search);
  document.documentElement.lang = 'vi';
  document.body.setAttribute('data-view', options.view);
  const titles = { dashboard: strings.DashboardTitle, report: strings.ReportTitle, proposals: strings.ProposalsTitle };
  document.title = titles[options.view];
  let body: React.ReactElement;
  try {
    body = rootFor(options, await fetchToken(browserFetch, options.as));
  } catch (error) {
    body = <p role="alert">{`${strings.TokenFailed}: ${error instanceof Error ? error.message : String(error)}`}</p>;
    markReady();
  }

  ReactDom.render(<AppShell strings={strings}>{body}</AppShell>, container);
  window.addEventListener('unload', () => ReactDom.unmountComponentAtNode(container));
}

start().catch((error: unknown) => {
  document.body.textContent = String(error);
});
