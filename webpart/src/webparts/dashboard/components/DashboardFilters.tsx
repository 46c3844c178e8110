import * as React from 'react';
import { Field, makeStyles, mergeClasses, Select } from '@fluentui/react-components';
import { IDashboard } from '../../../common/api/ApiTypes';
import { DayPicker } from '../../../common/ui/DayPicker';
import { useLayoutStyles } from '../../../common/ui/layout';
import { useStrings } from '../../../common/ui/StringsContext';

const useStyles = makeStyles({
  // Each filter may shrink and wrap to the next line: a long section name never pushes the page past its right edge.
  field: { flexGrow: 1, flexShrink: 1, flexBasis: '12rem', minWidth: '0', maxWidth: '100%' },
  wide: { flexBasis: '20rem' },
  select: { width: '100%', minWidth: '0', maxWidth: '100%' },
  selectControl: { width: '100%', minWidth: '0', textOverflow: 'ellipsis' }
});

export interface IDashboardFilterValues {
  readonly asOf: string;
  readonly unit: string;
  readonly section: string;
  readonly status: string;
}

export interface IDashboardFiltersProps {
  readonly values: IDashboardFilterValues;
  readonly dashboard: IDashboard | undefined;
  readonly onChange: (values: IDashboardFilterValues) => void;
}

/** "As of" date and the unit / section / status filters; the API applies them. */
export const DashboardFilters: React.FC<IDashboardFiltersProps> = ({ values, dashboard, onChange }) => {
  const s = useStrings();
  const layout = useLayoutStyles();
  const styles = useStyles();
  const select = { className: styles.select, select: { className: styles.selectControl } };
  const set = (patch: Partial<IDashboardFilterValues>): void => onChange({ ...values, ...patch });
  return (
    <div className={layout.row} role="group" aria-label={s.FiltersLabel}>
      <DayPicker label={s.FilterAsOf} value={values.asOf} onChange={(asOf) => set({ asOf })} />
      <Field label={s.FilterUnit} className={styles.field}>
        <Select {...select} value={values.unit} onChange={(_, data) => set({ unit: data.value })}>
          <option value="">{s.FilterAll}</option>
          {(dashboard?.options.units ?? []).map((u) => (
            <option key={u.code} value={u.code}>{u.name}</option>
          ))}
        </Select>
      </Field>
      <Field label={s.FilterSection} className={mergeClasses(styles.field, styles.wide)} data-filter="section">
        <Select {...select} value={values.section} onChange={(_, data) => set({ section: data.value })}>
          <option value="">{s.FilterAll}</option>
          {(dashboard?.options.sections ?? []).map((x) => (
            <option key={x.code} value={x.code}>{`${x.code}. ${x.name}`}</option>
          ))}
        </Select>
      </Field>
      <Field label={s.FilterStatus} className={styles.field}>
        <Select {...select} value={values.status} onChange={(_, data) => set({ status: data.value })}>
          <option value="">{s.FilterAll}</option>
          {(dashboard?.categories ?? []).map((c) => (
            <option key={c.key} value={c.key}>{c.label}</option>
          ))}
          <option value="Ongoing">{s.Ongoing}</option>
        </Select>
      </Field>
    </div>
  );
};
