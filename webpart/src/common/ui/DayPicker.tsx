import * as React from 'react';
import { DayOfWeek } from '@fluentui/react-calendar-compat';
import { Field, makeStyles } from '@fluentui/react-components';
import { type CalendarStrings, DatePicker } from '@fluentui/react-datepicker-compat';
import { formatDate, fromIsoDay, parseDate, toIsoDay } from './dates';
import { useStrings } from './StringsContext';

const useStyles = makeStyles({
  field: { minWidth: '0', maxWidth: '100%' }
});

/** The calendar's words (months, week days, buttons) from the web part's strings. */
export function calendarStrings(s: IDanVan365Strings): CalendarStrings {
  return {
    months: [...s.CalendarMonths],
    shortMonths: [...s.CalendarShortMonths],
    days: [...s.CalendarDays],
    shortDays: [...s.CalendarShortDays],
    goToToday: s.CalendarGoToToday,
    prevMonthAriaLabel: s.CalendarPrevMonth,
    nextMonthAriaLabel: s.CalendarNextMonth,
    prevYearAriaLabel: s.CalendarPrevYear,
    nextYearAriaLabel: s.CalendarNextYear,
    prevYearRangeAriaLabel: s.CalendarPrevYears,
    nextYearRangeAriaLabel: s.CalendarNextYears,
    closeButtonAriaLabel: s.CalendarClose,
    selectedDateFormatString: s.CalendarSelectedDate,
    todayDateFormatString: s.CalendarToday,
    monthPickerHeaderAriaLabel: s.CalendarMonthPickerHeader,
    yearPickerHeaderAriaLabel: s.CalendarYearPickerHeader,
    dayMarkedAriaLabel: s.CalendarDayMarked,
    weekNumberFormatString: s.CalendarWeekNumber
  };
}

export interface IDayPickerProps {
  readonly label: string;
  /** The day as the API writes it ("2026-09-30"), or "" for none. */
  readonly value: string;
  readonly onChange: (isoDay: string) => void;
  readonly hint?: string;
  /** A message about the value from elsewhere (the API); a day that cannot be read gets the web part's own message. */
  readonly validationMessage?: string;
}

/**
 * A day field in the Vietnamese way: shows and reads dd/mm/yyyy, months and week days in Vietnamese, weeks from Monday,
 * whatever the browser's language; hands the API's yyyy-mm-dd on.
 */
export const DayPicker: React.FC<IDayPickerProps> = ({ label, value, onChange, hint, validationMessage }) => {
  const s = useStrings();
  const styles = useStyles();
  const [unreadable, setUnreadable] = React.useState(false);
  const strings = React.useMemo(() => calendarStrings(s), [s]);
  const message = unreadable ? s.DateUnreadable : validationMessage;
  return (
    <Field label={label} hint={hint} className={styles.field} validationMessage={message}
      validationState={message === undefined ? 'none' : 'error'}>
      <DatePicker value={fromIsoDay(value) ?? null} allowTextInput placeholder={s.DatePlaceholder} strings={strings}
        firstDayOfWeek={DayOfWeek.Monday} formatDate={formatDate} parseDateFromString={parseDate}
        onValidationResult={(data) => setUnreadable(data.error === 'invalid-input')}
        onSelectDate={(date) => onChange(date === null || date === undefined ? '' : toIsoDay(date))} />
    </Field>
  );
};
