/** "2026-09-30" → "30/09/2026" (Vietnamese order); anything else is shown as given. */
// eslint-disable-next-line @rushstack/no-new-null -- API JSON values (null when absent)
export function formatDay(isoDay: string | null | undefined): string {
  if (isoDay === null || isoDay === undefined) {
    return '';
  }

  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return match === null ? isoDay : `${match[3]}/${match[2]}/${match[1]}`;
}

/** "2026-10-03T10:05:00+07:00" → "03/10/2026 10:05" (the instant's own wall clock, as the API wrote it). */
// eslint-disable-next-line @rushstack/no-new-null -- API JSON values (null when absent)
export function formatInstant(instant: string | null | undefined): string {
  if (instant === null || instant === undefined) {
    return '';
  }

  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(instant);
  return match === null ? instant : `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A calendar day (local date of the browser) → "30/09/2026", the way Vietnamese pages write dates. */
export function formatDate(date: Date | undefined): string {
  return date === undefined ? '' : `${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}/${date.getFullYear()}`;
}

function dayOf(year: number, month: number, day: number): Date | undefined {
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** "2026-09-30" (the API's day) → that local calendar day; undefined for "" or anything else. */
export function fromIsoDay(isoDay: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match === null ? undefined : dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * What a person types: "30/09/2026", "30-9-2026", "30.09.2026" (day first) or "2026-09-30"; null (Fluent DatePicker's
 * `parseDateFromString` contract) when it is not a day.
 */
// eslint-disable-next-line @rushstack/no-new-null -- Fluent DatePicker's parseDateFromString returns Date | null
export function parseDate(text: string): Date | null {
  const value = text.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const day = dayFirst !== null ? dayOf(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])) : fromIsoDay(value);
  return day ?? null;
}

/** A local calendar day → "2026-09-30" (what the API takes). */
export function toIsoDay(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}
