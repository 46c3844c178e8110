import * as React from 'react';
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
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
  readonly dark?: boolean;
}

/** Fluent UI v9 theme and the strings, around each web part's root component. */
export const AppShell: React.FC<IAppShellProps> = ({ strings, dark, children }) => {
  const styles = useStyles();
  return (
    <FluentProvider theme={dark === true ? webDarkTheme : webLightTheme} className={styles.root} lang="vi">
      <StringsProvider strings={strings}>{children}</StringsProvider>
    </FluentProvider>
  );
};
