import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';

/** The strings the property pane shows. */
export interface IPropertyPaneStrings {
  readonly PropertyPaneDescription: string;
  readonly WardGroupName: string;
  readonly WardLabel: string;
}

/**
 * The web parts' property pane: the ward only. The API's origin and resource are the package's configuration
 * (`config/apiSettings.ts`), not something a page editor can type.
 */
export function propertyPaneConfiguration(strings: IPropertyPaneStrings): IPropertyPaneConfiguration {
  return {
    pages: [
      {
        header: { description: strings.PropertyPaneDescription },
        groups: [
          {
            groupName: strings.WardGroupName,
            groupFields: [PropertyPaneTextField('ward', { label: strings.WardLabel })]
          }
        ]
      }
    ]
  };
}
