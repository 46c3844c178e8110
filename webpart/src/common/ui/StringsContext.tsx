import * as React from 'react';

const StringsContext = React.createContext<IDanVan365Strings | undefined>(undefined);

export const StringsProvider: React.FC<{ strings: IDanVan365Strings }> = ({ strings, children }) => (
  <StringsContext.Provider value={strings}>{children}</StringsContext.Provider>
);

/** The Vietnamese (or English fallback) strings of the web parts. */
export function useStrings(): IDanVan365Strings {
  const strings = React.useContext(StringsContext);
  if (strings === undefined) {
    throw new Error('useStrings needs a StringsProvider.');
  }

  return strings;
}

/** Replaces {0}, {1}, … in a localized pattern. */
export function format(pattern: string, ...values: readonly (string | number)[]): string {
  return pattern.replace(/\{(\d+)\}/g, (match: string, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}
