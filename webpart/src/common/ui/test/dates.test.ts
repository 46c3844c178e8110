import { formatDate, formatDay, fromIsoDay, parseDate, toIsoDay } from '../dates';

describe('dates', () => {
  it('formatDate_ADay_DayMonthYearWithSlashes', () => {
    expect(formatDate(new Date(2026, 8, 5))).toBe('05/09/2026');
    expect(formatDate(undefined)).toBe('');
  });

  it('parseDate_DayFirstOrIso_TheSameDay', () => {
    for (const text of ['30/09/2026', '30-9-2026', '30.09.2026', ' 30/09/2026 ', '2026-09-30']) {
      expect(toIsoDay(parseDate(text) as Date)).toBe('2026-09-30');
    }
  });

  it('parseDate_MonthFirstOrNotADay_Null', () => {
    for (const text of ['09/30/2026', '31/02/2026', '2026/09/30', 'hôm nay', '']) {
      expect(parseDate(text)).toBeNull();
    }
  });

  it('fromIsoDay_ApiDay_RoundTripsThroughToIsoDayAndFormats', () => {
    const day = fromIsoDay('2026-02-28') as Date;
    expect(toIsoDay(day)).toBe('2026-02-28');
    expect(formatDate(day)).toBe(formatDay('2026-02-28'));
    expect(fromIsoDay('')).toBeUndefined();
    expect(fromIsoDay('2026-02-30')).toBeUndefined();
  });
});
