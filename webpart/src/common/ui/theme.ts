import {
  teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme, webDarkTheme, webLightTheme
} from '@fluentui/react-components';
import { createV9Theme } from '@fluentui/react-migration-v8-v9';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';

/**
 * The Fluent UI v9 theme of a Teams theme name (Teams JS `app.getContext().app.theme` and `registerOnThemeChangeHandler`):
 * "dark" and "contrast" (high contrast) have their own themes; "default" and any name Teams may add later are light.
 */
export function teamsTheme(name: string | undefined): Theme {
  switch (name) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}

/**
 * The Fluent UI v9 theme of the SharePoint site's theme: the v9 theme the page publishes when it has one (SPFx's
 * ThemeProvider `tryGetThemeV2`), else the site's Fluent UI 8 palette mapped onto v9 tokens (`createV9Theme`, as the PnP
 * Fluent UI 9 samples do) on the light or dark base its `isInverted` asks for, else Fluent's web light theme.
 */
export function sharePointTheme(siteTheme: IReadonlyTheme | undefined, siteThemeV2?: Theme): Theme {
  if (siteThemeV2 !== undefined) {
    return siteThemeV2;
  }

  if (siteTheme?.palette === undefined) {
    return webLightTheme;
  }

  const inverted = siteTheme.isInverted === true;
  return createV9Theme(siteTheme as Parameters<typeof createV9Theme>[0], inverted ? webDarkTheme : webLightTheme);
}
