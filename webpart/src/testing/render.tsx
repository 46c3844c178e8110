import * as React from 'react';
import { render, RenderResult } from '@testing-library/react';
import { AppShell } from '../common/ui/AppShell';
import { loadStrings } from './strings';

export const vi: IDanVan365Strings = loadStrings('vi-vn');

/** Renders inside the same shell as the web parts (Fluent UI v9 + Vietnamese strings). */
export function renderInShell(element: React.ReactElement): RenderResult {
  return render(<AppShell strings={vi}>{element}</AppShell>);
}

/** The text of the element(s) that describe a field (Fluent's Field links its validation message this way). */
export function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '');
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ').trim();
}
