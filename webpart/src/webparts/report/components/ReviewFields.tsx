import * as React from 'react';
import { Field, Input, Textarea } from '@fluentui/react-components';
import { IRowError, IWorkReview, IYearEndReview } from '../../../common/api/ApiTypes';
import { useStrings } from '../../../common/ui/StringsContext';
import { useFieldsetStyles } from '../../../common/ui/layout';

/** The general part as the form edits it (the points as typed, "85" or "85,5"). */
export interface IReviewValues {
  readonly strengths: string;
  readonly weaknesses: string;
  readonly causes: string;
  readonly nextYear: string;
  readonly points: string;
  readonly note: string;
}

export type ReviewField = keyof IReviewValues;

export interface IReviewFieldsProps {
  readonly value: IReviewValues;
  readonly nextYearLabel: string;
  /** True for an assigned unit: it scores itself; a requested unit is not graded. */
  readonly selfScore: boolean;
  readonly errors: readonly IRowError[];
  readonly disabled: boolean;
  readonly onChange: (field: ReviewField, text: string) => void;
}

/** The server's field name of a form field (docs/api.md: `selfScore` for the points, `selfScoreNote` for the note). */
const serverField: Record<ReviewField, string> = {
  strengths: 'strengths', weaknesses: 'weaknesses', causes: 'causes', nextYear: 'nextYear', points: 'selfScore', note: 'selfScoreNote'
};

/** The year-end report's general part (tổng kết): ưu điểm, hạn chế, nguyên nhân, next year's directions, the self score. */
export const ReviewFields: React.FC<IReviewFieldsProps> = ({ value, nextYearLabel, selfScore, errors, disabled, onChange }) => {
  const s = useStrings();
  const styles = useFieldsetStyles();
  const messageFor = (field: ReviewField): string | undefined => {
    const messages = errors.filter((e) => e.field === serverField[field]).map((e) => e.message);
    return messages.length === 0 ? undefined : messages.join(' ');
  };
  const text = (field: ReviewField, label: string): React.ReactElement => {
    const message = messageFor(field);
    return (
      <div className={styles.wide}>
        <Field label={label} validationMessage={message} validationState={message === undefined ? 'none' : 'error'}>
          <Textarea value={value[field]} resize="vertical" disabled={disabled} onChange={(_, data) => onChange(field, data.value)} />
        </Field>
      </div>
    );
  };
  const pointsMessage = messageFor('points');
  return (
    <fieldset className={styles.fieldset} data-testid="report-review">
      <legend className={styles.legend}>{s.ReviewTitle}</legend>
      {text('strengths', s.ReviewStrengths)}
      {text('weaknesses', s.ReviewWeaknesses)}
      {text('causes', s.ReviewCauses)}
      {text('nextYear', nextYearLabel)}
      {selfScore && (
        <Field label={s.ReviewSelfScore} validationMessage={pointsMessage}
          validationState={pointsMessage === undefined ? 'none' : 'error'}>
          <Input value={value.points} inputMode="decimal" disabled={disabled} onChange={(_, data) => onChange('points', data.value)} />
        </Field>
      )}
      {selfScore && text('note', s.ReviewSelfScoreNote)}
    </fieldset>
  );
};

/** The form's values from what the unit saved. */
export function reviewValues(saved: IWorkReview['saved'] | undefined): IReviewValues {
  const points = saved?.selfScore?.points;
  return {
    strengths: saved?.strengths ?? '',
    weaknesses: saved?.weaknesses ?? '',
    causes: saved?.causes ?? '',
    nextYear: saved?.nextYear ?? '',
    points: points === undefined || points === null ? '' : String(points).replace('.', ','),
    note: saved?.selfScore?.note ?? ''
  };
}

/** The general part as POST /api/submissions takes it: no self score when neither points nor a note were typed. */
export function reviewBody(value: IReviewValues, selfScore: boolean): IYearEndReview {
  const typed = value.points.trim().replace(',', '.');
  const points = typed === '' || isNaN(Number(typed)) ? null : Number(typed);
  const given = selfScore && (value.points.trim() !== '' || value.note.trim() !== '');
  return {
    strengths: value.strengths, weaknesses: value.weaknesses, causes: value.causes, nextYear: value.nextYear,
    selfScore: given ? { points, note: value.note } : null
  };
}
