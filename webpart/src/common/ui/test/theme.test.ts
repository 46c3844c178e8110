import {
  teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webDarkTheme, webLightTheme
} from '@fluentui/react-components';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { sharePointTheme, teamsTheme } from '../theme';

const sitePalette = {
  themePrimary: '#8a2529', themeLighterAlt: '#fbf3f4', themeLighter: '#f0d0d2', themeLight: '#e3a9ab', themeTertiary: '#c7636a',
  themeSecondary: '#9d3339', themeDarkAlt: '#7c2125', themeDark: '#691c1f', themeDarker: '#4d1517',
  neutralLighterAlt: '#faf9f8', neutralLighter: '#f3f2f1', neutralLight: '#edebe9', neutralQuaternaryAlt: '#e1dfdd',
  neutralQuaternary: '#d0d0d0', neutralTertiaryAlt: '#c8c6c4', neutralTertiary: '#a19f9d', neutralSecondary: '#605e5c',
  neutralSecondaryAlt: '#8a8886', neutralPrimaryAlt: '#3b3a39', neutralPrimary: '#323130', neutralDark: '#201f1e',
  black: '#000000', white: '#ffffff'
};

function site(palette: Record<string, string>, isInverted: boolean): IReadonlyTheme {
  return { palette, isInverted, effects: { roundedCorner2: '2px', roundedCorner4: '4px', roundedCorner6: '6px' } } as unknown as IReadonlyTheme;
}

describe('teamsTheme', () => {
  it('teamsTheme_DefaultDarkContrast_TeamsLightDarkHighContrast', () => {
    expect(teamsTheme('default')).toBe(teamsLightTheme);
    expect(teamsTheme('dark')).toBe(teamsDarkTheme);
    expect(teamsTheme('contrast')).toBe(teamsHighContrastTheme);
  });

  it('teamsTheme_UnknownOrMissingName_TeamsLight', () => {
    expect(teamsTheme(undefined)).toBe(teamsLightTheme);
    expect(teamsTheme('')).toBe(teamsLightTheme);
    expect(teamsTheme('someFutureTheme')).toBe(teamsLightTheme);
  });
});

describe('sharePointTheme', () => {
  it('sharePointTheme_NoSiteTheme_WebLight', () => {
    expect(sharePointTheme(undefined)).toBe(webLightTheme);
  });

  it('sharePointTheme_PagePublishesAV9Theme_UsesIt', () => {
    expect(sharePointTheme(site(sitePalette, false), webDarkTheme)).toBe(webDarkTheme);
  });

  it('sharePointTheme_SitePalette_BrandAndNeutralTokensFromThePalette', () => {
    const theme = sharePointTheme(site(sitePalette, false));

    expect(theme.colorBrandBackground).toBe('#8a2529');
    expect(theme.colorBrandBackgroundHover).toBe('#7c2125');
    expect(theme.colorBrandForeground1).toBe('#8a2529');
    expect(theme.colorNeutralForeground1).toBe('#323130');
    expect(theme.colorNeutralBackground1).toBe('#ffffff');
    expect(theme.fontFamilyBase).toBe(webLightTheme.fontFamilyBase);
  });

  it('sharePointTheme_InvertedSitePalette_DarkBaseWithThePalettesColors', () => {
    const dark = { ...sitePalette, white: '#1b1a19', neutralPrimary: '#f3f2f1', themePrimary: '#e3a9ab' };

    const theme = sharePointTheme(site(dark, true));

    expect(theme.colorNeutralBackground1).toBe('#1b1a19');
    expect(theme.colorNeutralForeground1).toBe('#f3f2f1');
    expect(theme.colorBrandBackground).toBe('#e3a9ab');
    expect(theme.colorPaletteRedBackground1).toBe(webDarkTheme.colorPaletteRedBackground1);
  });
});
