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
