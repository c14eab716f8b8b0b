/**
 * The page's reading in the form: the best values in Service order and LRN, at the first render
 * and from each later reading, never over what the user typed.
 */
import { useLayoutEffect, useState } from 'react';
import type { ReportField, ReportForm as ReportFormValues } from '@/lib/bzctrl/report-form';
import type { PageReading } from '@/lib/page/types';
import { fieldsToFill, type PresetFormField, withPreset } from '@/lib/presets/apply';

/** What the preset in force (or none) puts in its fields, given Service order and LRN as they stand. */
export type PresetFill = (current: {
  orderID: string;
  lrn: string;
}) => Pick<ReportFormValues, PresetFormField>;

/** The best values read, in Service order and LRN, unless the user typed there. */
export function withReading(
  values: ReportFormValues,
  reading: PageReading,
  typed: readonly ReportField[],
): ReportFormValues {
  const read = { ...values };
  for (const [field, value] of bestOf(reading)) {
    if (value !== undefined && !typed.includes(field)) read[field] = value;
  }
  return read;
}

/** The first render's values: the page's reading, then the preset's (its templates name them). */
export function initialFormValues(
  values: ReportFormValues,
  reading: PageReading,
  typed: readonly ReportField[],
  fill: PresetFill | undefined,
): ReportFormValues {
  const read = withReading(values, reading, typed);
  return fill ? withPreset(read, fill(read), typed) : read;
}

/**
 * Keeps the preset's fields as the preset says, unless the user typed there: when the preset is
 * switched (or the page's address comes in and picks one), and when Service order or LRN change.
 */
export function usePresetFill(
  form: {
    values: ReportFormValues;
    isDirty(field: ReportField): boolean;
    setValue(field: ReportField, value: string): void;
  },
  fill: PresetFill | undefined,
) {
  const { orderID, lrn } = form.values;
  // A layout effect: the preset's fields are drawn in the task that draws the values they follow.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a new preset or new values to fill in, not on every keystroke elsewhere
  useLayoutEffect(() => {
    if (!fill) return;
    const next = fill({ orderID, lrn });
    for (const field of fieldsToFill(form.isDirty)) {
      if (form.values[field] !== next[field]) form.setValue(field, next[field]);
    }
  }, [fill, orderID, lrn]);
}

/**
 * Fills Service order and LRN with the best values of each later reading, unless the user typed or
 * picked there. The form's first values must hold the first `reading` already (initialFormValues):
 * that one is taken as filled in, not filled in again.
 */
export function usePrefill(
  form: {
    values: ReportFormValues;
    isDirty(field: ReportField): boolean;
    setValue(field: ReportField, value: string): void;
  },
  reading: PageReading,
) {
  const { isDirty, setValue } = form;
  // The reading the values were last set from, and what it put in each field: a later reading
  // replaces that, even with nothing (the menu's guess, then the page's own reading of the
  // selection), and leaves anything else alone. The form's first values hold the first reading.
  const [applied, setApplied] = useState(() => ({ reading, filledIn: filledBy(reading, isDirty) }));
  if (applied.reading !== reading) {
    // Set while rendering: React draws the form again at once, before its fields, so a reading
    // that comes after the form is drawn in one drawing, not drawn first with the old values.
    const filledIn = { ...applied.filledIn };
    for (const [field, value] of bestOf(reading)) {
      if (isDirty(field)) continue;
      const current = form.values[field];
      if (value) setValue(field, value);
      else if (current && current === applied.filledIn[field]) setValue(field, '');
      filledIn[field] = value;
    }
    setApplied({ reading, filledIn });
  }
  // For `npm run bench`: when the values of the first reading that has any are drawn in their
  // fields (a layout effect runs once they are committed, before the browser paints them).
  const { orderID, lrn } = form.values;
  useLayoutEffect(() => {
    const best = bestOf(reading);
    const shown = { orderID, lrn };
    const drawn = best.every(([field, value]) => value === undefined || value === shown[field]);
    if (
      best.some(([, value]) => value) &&
      drawn &&
      performance.getEntriesByName(FIELDS_FILLED).length === 0
    ) {
      performance.mark(FIELDS_FILLED);
    }
  }, [reading, orderID, lrn]);
}

const FIELDS_FILLED = 'bzctrl:fields-filled';

type Filled = Partial<Record<'orderID' | 'lrn', string | undefined>>;

/** The best value of each field the reading fills. */
function bestOf(reading: PageReading): ['orderID' | 'lrn', string | undefined][] {
  return [
    ['orderID', reading.serviceOrder[0]?.value],
    ['lrn', reading.lrn[0]?.value],
  ];
}

/** What `reading` put in the fields nobody typed in (the form's first values hold it). */
function filledBy(reading: PageReading, isDirty: (field: ReportField) => boolean): Filled {
  return Object.fromEntries(bestOf(reading).filter(([field]) => !isDirty(field)));
}
