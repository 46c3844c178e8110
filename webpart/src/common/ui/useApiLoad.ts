import * as React from 'react';
import { ApiError } from '../api/ApiClient';

export type LoadState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: string };

/** Loads `load()` whenever `key` changes; ignores answers that arrive after a newer request or unmount. */
export function useApiLoad<T>(load: () => Promise<T>, key: string): [LoadState<T>, (value: T) => void] {
  const [state, setState] = React.useState<LoadState<T>>({ kind: 'loading' });
  const loadRef = React.useRef(load);
  loadRef.current = load;

  React.useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    loadRef.current().then(
      (value) => {
        if (current) {
          setState({ kind: 'loaded', value });
        }
      },
      (error: unknown) => {
        if (current) {
          setState({ kind: 'failed', error: errorMessage(error) });
        }
      }
    );
    return () => {
      current = false;
    };
  }, [key]);

  const replace = React.useCallback((value: T) => setState({ kind: 'loaded', value }), []);
  return [state, replace];
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) {
    return error.message;
  }

  return String(error);
}
