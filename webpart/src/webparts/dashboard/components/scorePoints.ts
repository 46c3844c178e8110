/**
 * Points as a Vietnamese reader writes them: a decimal comma ("92,5"), at most two decimals, no thousands separator
 * (points stay within 0–100); a deduction keeps its minus sign.
 */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return String(rounded === 0 ? 0 : rounded).replace('.', ',');
}

/**
 * Points typed in a form: 0 to 100 with at most one decimal, a comma or a dot ("92,5", "92.5"); undefined otherwise.
 * The API checks the same rule again (its 400 rows are what count).
 */
export function parsePoints(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:[.,](\d))?\s*$/.exec(text);
  if (match === null) {
    return undefined;
  }

  const value = Number(match[1]) + (match[2] === undefined ? 0 : Number(match[2]) / 10);
  return value <= 100 ? value : undefined;
}
