/**
 * Loads a localized strings file (AMD `define([], factory)`, as SPFx ships it) the way the SPFx loader would:
 * with a `define` that captures the factory's result.
 */
export function loadStrings(locale: 'vi-vn' | 'en-us'): IDanVan365Strings {
  const holder = globalThis as unknown as { define?: (deps: string[], factory: () => IDanVan365Strings) => void };
  let strings: IDanVan365Strings | undefined;
  holder.define = (deps, factory) => {
    strings = factory();
  };
  try {
    jest.isolateModules(() => {
      if (locale === 'vi-vn') {
        require('../loc/vi-vn.js');
      } else {
        require('../loc/en-us.js');
      }
    });
  } finally {
    delete holder.define;
  }

  if (strings === undefined) {
    throw new Error(`loc/${locale}.js did not call define`);
  }

  return strings;
}
