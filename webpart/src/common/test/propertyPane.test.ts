// SPFx's runtime does not load under Jest: PropertyPaneTextField is stood in for by what it returns (the field's type,
// the property it binds and its options), and the pane is required after the stand-in is registered.
jest.mock('@microsoft/sp-property-pane', () => ({
  PropertyPaneTextField: (targetProperty: string, properties: unknown) => ({ type: 3, targetProperty, properties })
}));

import type { propertyPaneConfiguration as Pane } from '../propertyPane';
import { loadStrings } from '../../testing/strings';

/* eslint-disable @typescript-eslint/no-var-requires */
const { propertyPaneConfiguration } = require('../propertyPane') as { propertyPaneConfiguration: typeof Pane };
const manifests: { name: string; json: { preconfiguredEntries: { properties: Record<string, unknown> }[] } }[] = [
  { name: 'dashboard', json: require('../../../src/webparts/dashboard/DashboardWebPart.manifest.json') },
  { name: 'report', json: require('../../../src/webparts/report/ReportWebPart.manifest.json') },
  { name: 'proposals', json: require('../../../src/webparts/proposals/ProposalsWebPart.manifest.json') }
];
/* eslint-enable @typescript-eslint/no-var-requires */

describe('propertyPaneConfiguration', () => {
  it('propertyPaneConfiguration_AnyPage_HasNoApiOriginOrResourceField', () => {
    const pane = propertyPaneConfiguration(loadStrings('vi-vn'));
    const targets: string[] = [];
    for (const page of pane.pages) {
      for (const group of page.groups) {
        const fields = 'groupFields' in group ? group.groupFields : [];
        for (const field of fields) {
          targets.push(field.targetProperty);
        }
      }
    }

    expect(targets).toEqual(['ward']);
  });
});

describe('web part manifests', () => {
  it.each(manifests)('manifest_PreconfiguredEntries_CarryNoApiAddress ($name)', ({ json }) => {
    for (const entry of json.preconfiguredEntries) {
      expect(Object.keys(entry.properties)).toEqual(['ward']);
      expect(JSON.stringify(entry.properties)).not.toMatch(/https?:/);
    }
  });
});
