/**
 * The round a link asks the report form for (`?round=N`, e.g. in the notice of a returned submission); undefined when the
 * page's query has none or it is not a positive whole number (the API then picks the open or returned round).
 */
export function roundFromQuery(search: string): number | undefined {
  const value = new URLSearchParams(search).get('round');
  return value !== null && /^[1-9]\d{0,3}$/.test(value) ? Number(value) : undefined;
}
