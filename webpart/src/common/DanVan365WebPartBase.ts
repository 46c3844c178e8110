import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { type Theme } from '@fluentui/react-components';
import * as strings from 'DanVan365Strings';
import { AadApiTransport } from './api/AadApiTransport';
import { IApiTransport } from './api/ApiClient';
import { readApiConfig } from './config/apiConfig';
import { apiConfigMessage } from './config/apiConfigMessage';
import { apiSettings } from './config/apiSettings';
import { propertyPaneConfiguration } from './propertyPane';
import { AppShell } from './ui/AppShell';
import { sharePointTheme, teamsTheme } from './ui/theme';

/**
 * Properties every DanVan365 web part shares: the ward only. Where the API is and which app registration it is are the
 * package's configuration (`config/apiSettings.ts`), so a page editor cannot point the web part at another host.
 */
export interface IDanVan365WebPartProps {
  ward: string;
}

/**
 * Renders a React root inside Fluent UI v9 with the localized strings; subclasses supply the root. The theme follows the
 * host: Teams' theme (default, dark, high contrast) inside Teams, the site's theme inside SharePoint, and changes with it.
 */
export abstract class DanVan365WebPartBase extends BaseClientSideWebPart<IDanVan365WebPartProps> {
  private _theme: Theme | undefined;
  private _themeProvider: ThemeProvider | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams !== undefined) {
      // Inside Teams (tab, personal app, meeting): Teams' own theme, and each change the user makes there.
      try {
        const context = await teams.teamsJs.app.getContext();
        this._theme = teamsTheme(context.app.theme);
        teams.teamsJs.app.registerOnThemeChangeHandler((name: string) => this._setTheme(teamsTheme(name)));
      } catch {
        this._theme = teamsTheme(undefined);
      }

      return;
    }

    // Inside SharePoint: the site's theme (or the section's variant), and each change of it.
    this._themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this._theme = sharePointTheme(this._themeProvider.tryGetTheme(), this._themeProvider.tryGetThemeV2());
    this._themeProvider.themeChangedEvent.add(this, this._onSiteThemeChanged);
  }

  public render(): void {
    const props = this.properties;
    const config = readApiConfig(apiSettings);
    const body = config.ok
      ? this.createRoot(
        new AadApiTransport(this.context.aadHttpClientFactory, config.config),
        (props.ward ?? '').trim() === '' ? undefined : props.ward.trim())
      : React.createElement('p', { role: 'alert' }, apiConfigMessage(strings, config));
    const idPrefix = `dv-${this.context.instanceId}-`;
    ReactDom.render(React.createElement(AppShell, { strings, theme: this._theme, idPrefix }, body), this.domElement);
  }

  protected abstract createRoot(transport: IApiTransport, ward: string | undefined): React.ReactElement;

  protected onDispose(): void {
    this._themeProvider?.themeChangedEvent.remove(this, this._onSiteThemeChanged);
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  private _onSiteThemeChanged = (args: ThemeChangedEventArgs): void => {
    this._setTheme(sharePointTheme(args.theme, args.themeV2));
  };

  private _setTheme(theme: Theme): void {
    this._theme = theme;
    this.render();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return propertyPaneConfiguration(strings);
  }
}
