import * as React from 'react';
import { FluentProvider, IdPrefixProvider, makeStyles, type Theme, tokens, webLightTheme } from '@fluentui/react-components';
import { StringsProvider } from './StringsContext';

const useStyles = makeStyles({
  root: {
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    minWidth: '0'
  }
});

export interface IAppShellProps {
  readonly strings: IDanVan365Strings;
  /** The host's theme (Teams or the SharePoint site, see theme.ts); Fluent's web light theme when absent. */
  readonly theme?: Theme;
  /**
   * Prefix of every id Fluent's `useId` makes inside (one per web part instance), so two web parts on one page, each with
   * its own bundle and id counter, never make the same id.
   */
  readonly idPrefix?: string;
}

/** Fluent UI v9 theme, the id prefix and the strings, around each web part's root component. */
export const AppShell: React.FC<IAppShellProps> = ({ strings, theme, idPrefix, children }) => {
  const styles = useStyles();
  return (
    <IdPrefixProvider value={idPrefix ?? 'dv-'}>
      <FluentProvider theme={theme ?? webLightTheme} className={styles.root} lang="vi">
        <StringsProvider strings={strings}>{children}</StringsProvider>
      </FluentProvider>
    </IdPrefixProvider>
  );
};
