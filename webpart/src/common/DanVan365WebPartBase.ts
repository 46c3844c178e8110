import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme } from '@microsoft/sp-component-base';
import * as strings from 'DanVan365Strings';
import { AadApiTransport } from './api/AadApiTransport';
import { IApiTransport } from './api/ApiClient';
import { AppShell } from './ui/AppShell';

/** Properties every DanVan365 web part shares: where the API is and which app registration it is. */
export interface IDanVan365WebPartProps {
  apiBaseUrl: string;
  apiResource: string;
  ward: string;
}

/** Renders a React root inside Fluent UI v9 with the localized strings; subclasses supply the root. */
export abstract class DanVan365WebPartBase extends BaseClientSideWebPart<IDanVan365WebPartProps> {
  private _dark: boolean = false;

  public render(): void {
    const props = this.properties;
    const configured = (props.apiBaseUrl ?? '').trim() !== '' && (props.apiResource ?? '').trim() !== '';
    const body = configured
      ? this.createRoot(
        new AadApiTransport(this.context.aadHttpClientFactory, props.apiResource.trim(), props.apiBaseUrl.trim()),
        (props.ward ?? '').trim() === '' ? undefined : props.ward.trim())
      : React.createElement('p', { role: 'alert' }, strings.NotConfigured);
    ReactDom.render(React.createElement(AppShell, { strings, dark: this._dark }, body), this.domElement);
  }

  protected abstract createRoot(transport: IApiTransport, ward: string | undefined): React.ReactElement;

  protected onThemeChanged(currentTheme: IReadonlyTheme | undefined): void {
    this._dark = currentTheme?.isInverted === true;
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.ApiGroupName,
              groupFields: [
                PropertyPaneTextField('apiBaseUrl', { label: strings.ApiBaseUrlLabel }),
                PropertyPaneTextField('apiResource', { label: strings.ApiResourceLabel }),
                PropertyPaneTextField('ward', { label: strings.WardLabel })
              ]
            }
          ]
        }
      ]
    };
  }
}
