import * as React from 'react';
import { Card, makeStyles, tokens } from '@fluentui/react-components';
import { IDashboard } from '../../../common/api/ApiTypes';
import { useStrings } from '../../../common/ui/StringsContext';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: '0',
    padding: '0',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS
  },
  card: { height: '100%' },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  label: { color: tokens.colorNeutralForeground2 }
});

interface ICardItem {
  readonly id: string;
  readonly label: string;
  readonly value: number;
}

/** The summary cards: tasks, assignments, the four categories and ongoing, as the API counted them. */
export const SummaryCards: React.FC<{ dashboard: IDashboard }> = ({ dashboard }) => {
  const s = useStrings();
  const styles = useStyles();
  const items: ICardItem[] = [
    { id: 'tasks', label: s.CardTasks, value: dashboard.taskCount },
    { id: 'assignments', label: s.CardAssignments, value: dashboard.totals.total },
    ...dashboard.categories.map((c) => ({ id: c.key, label: c.label, value: dashboard.totals.counts[c.key] })),
    { id: 'ongoing', label: s.Ongoing, value: dashboard.totals.ongoing }
  ];
  return (
    <ul className={styles.list} aria-label={s.SummaryHeading}>
      {items.map((item) => (
        <li key={item.id} data-card={item.id}>
          <Card className={styles.card} size="small">
            <span className={styles.value}>{item.value}</span>
            <span className={styles.label}>{item.label}</span>
          </Card>
        </li>
      ))}
    </ul>
  );
};
