import * as React from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { renderInShell, vi } from '../../../testing/render';
import { calendarStrings, DayPicker } from '../DayPicker';

describe('DayPicker', () => {
  it('DayPicker_ApiDay_ShownAsDayMonthYear', () => {
    renderInShell(<DayPicker label="Tính đến ngày" value="2026-05-20" onChange={() => undefined} />);
    expect((screen.getByLabelText('Tính đến ngày') as HTMLInputElement).value).toBe('20/05/2026');
  });

  it('DayPicker_TypedDayMonthYear_HandsTheApiDayOn', () => {
    const days: string[] = [];
    renderInShell(<DayPicker label="Thời hạn" value="" onChange={(d) => days.push(d)} />);
    const input = screen.getByLabelText('Thời hạn');
    fireEvent.change(input, { target: { value: '30/06/2026' } });
    fireEvent.blur(input);
    expect(days).toEqual(['2026-06-30']);
  });

  it('DayPicker_Unreadable_VietnameseMessageBesideTheField', () => {
    renderInShell(<DayPicker label="Thời hạn" value="" onChange={() => undefined} />);
    const input = screen.getByLabelText('Thời hạn');
    fireEvent.change(input, { target: { value: '31/02/2026' } });
    fireEvent.blur(input);
    expect(screen.getByText(vi.DateUnreadable)).not.toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('calendarStrings_Vietnamese_MonthsAndWeekDaysInVietnamese', () => {
    const strings = calendarStrings(vi);
    expect(strings.months[8]).toBe('Tháng 9');
    expect(strings.days).toHaveLength(7);
    expect(strings.shortDays[0]).toBe('CN');
    expect(strings.goToToday).toBe('Về ngày hôm nay');
  });
});
