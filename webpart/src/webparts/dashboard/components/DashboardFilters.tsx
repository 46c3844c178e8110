import * as React from 'react';
import { Field, Input, Select } from '@fluentui/react-components';
import { IDashboard } from '../../../common/api/ApiTypes';
import { useLayoutStyles } from '../../../common/ui/layout';
import { useStrings } from '../../../common/ui/StringsContext';

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
  const set = (patch: Partial<IDashboardFilterValues>): void => onChange({ ...values, ...patch });
  return (
    <div className={layout.row} role="group" aria-label={s.FiltersLabel}>
      <Field label={s.FilterAsOf}>
        <Input type="date" value={values.asOf} onChange={(_, data) => set({ asOf: data.value })} />
      </Field>
      <Field label={s.FilterUnit}>
        <Select value={values.unit} onChange={(_, data) => set({ unit: data.value })}>
          <option value="">{s.FilterAll}</option>
          {(dashboard?.options.units ?? []).map((u) => (
            <option key={u.code} value={u.code}>{u.name}</option>
          ))}
        </Select>
      </Field>
      <Field label={s.FilterSection}>
        <Select value={values.section} onChange={(_, data) => set({ section: data.value })}>
          <option value="">{s.FilterAll}</option>
          {(dashboard?.options.sections ?? []).map((x) => (
            <option key={x.code} value={x.code}>{`${x.code}. ${x.name}`}</option>
          ))}
        </Select>
      </Field>
      <Field label={s.FilterStatus}>
        <Select value={values.status} onChange={(_, data) => set({ status: data.value })}>
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
