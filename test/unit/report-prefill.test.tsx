// @vitest-environment happy-dom
// The page's reading in the form: drawn once with the values in; later readings replace what an
// earlier reading put there (even with nothing), and never what the user typed.
import { act, render, renderHook } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import {
  initialFormValues,
  type PresetFill,
  usePrefill,
  usePresetFill,
  withReading,
} from '@/components/report-prefill';
import { useZodForm } from '@/components/use-zod-form';
import { type ReportField, type ReportForm, reportFormSchema } from '@/lib/bzctrl/report-form';
import type { PageReading } from '@/lib/page/types';
import { incidentForm } from './helpers';

const reading = (serviceOrder?: string, lrn?: string): PageReading => ({
  serviceOrder: serviceOrder ? [{ value: serviceOrder, source: 'page' }] : [],
  lrn: lrn ? [{ value: lrn, source: 'page' }] : [],
});

describe('withReading', () => {
  it('puts the best values in the fields the user did not type in', () => {
    const values = incidentForm({ orderID: '', lrn: '' });
    expect(withReading(values, reading('7770142', '24NLLRN0004471'), [])).toMatchObject({
      orderID: '7770142',
      lrn: '24NLLRN0004471',
    });
    expect(
      withReading({ ...values, lrn: '26NL0000TYPED1' }, reading('7770142', '24NLLRN0004471'), ['lrn']),
    ).toMatchObject({ orderID: '7770142', lrn: '26NL0000TYPED1' });
  });
});

/** A form's values and typed fields, as useZodForm keeps them, with the prefill on top. */
function useFormWith(initial: ReportForm, typedFields: ReportField[], current: PageReading) {
  const [values, setValues] = useState(initial);
  const form = {
    values,
    isDirty: (field: ReportField) => typedFields.includes(field),
    setValue: (field: ReportField, value: string) =>
      setValues((previous) => ({ ...previous, [field]: value })),
  };
  usePrefill(form, current);
  return values;
}

describe('usePrefill', () => {
  it('replaces what an earlier reading put in, even with nothing, and leaves typed and restored values', () => {
    const restored = incidentForm({ orderID: '5550001', lrn: '' });
    const { result, rerender } = renderHook(({ now }) => useFormWith(restored, ['title'], now), {
      initialProps: { now: reading() },
    });
    // Nothing read yet: the restored service order stays.
    expect(result.current.orderID).toBe('5550001');
    // The menu's guess, then the page's own reading, which says there is no LRN.
    act(() => rerender({ now: reading('7770142', '26NL0000RT51230084') }));
    expect(result.current).toMatchObject({ orderID: '7770142', lrn: '26NL0000RT51230084' });
    act(() => rerender({ now: reading('7770142') }));
    expect(result.current).toMatchObject({ orderID: '7770142', lrn: '' });
  });

  it('never writes over a field the user typed in', () => {
    const { result, rerender } = renderHook(
      ({ now }) => useFormWith(incidentForm({ lrn: 'MINE12345' }), ['lrn'], now),
      {
        initialProps: { now: reading() },
      },
    );
    act(() => rerender({ now: reading('7770142', '24NLLRN0004471') }));
    expect(result.current.lrn).toBe('MINE12345');
  });
});

describe('the form drawn with the reading in', () => {
  it('is drawn once: the reading it was drawn with brings no second drawing', () => {
    const now = reading('7770142', '24NLLRN0004471');
    const start = incidentForm({ orderID: '', lrn: '' });
    let drawings = 0;
    const { result } = renderHook(() => {
      drawings++;
      const form = useZodForm(reportFormSchema, initialFormValues(start, now, [], undefined));
      usePrefill(form, now);
      return form.values;
    });
    // renderHook's act ran the effects, and any drawing they asked for.
    expect(result.current).toMatchObject({ orderID: '7770142', lrn: '24NLLRN0004471' });
    expect(drawings).toBe(1);
  });
});

/** Each drawing of the fields of ReadingForm, as `orderID|lrn`. */
const drawnFields: string[] = [];
function DrawnFields({ orderID, lrn }: { orderID: string; lrn: string }) {
  drawnFields.push(`${orderID}|${lrn}`);
  return null;
}
/** A form first drawn with nothing read, its fields a child of it, filled from `now`. */
function ReadingForm({ now }: { now: PageReading }) {
  const start = incidentForm({ orderID: '', lrn: '' });
  const [first] = useState(() => initialFormValues(start, reading(), [], undefined));
  const form = useZodForm(reportFormSchema, first);
  usePrefill(form, now);
  return <DrawnFields orderID={form.values.orderID} lrn={form.values.lrn} />;
}

describe('a reading that comes after the form is drawn', () => {
  it('is drawn in one drawing of the fields, not first with the values before it', () => {
    drawnFields.length = 0;
    const { rerender } = render(<ReadingForm now={reading()} />);
    expect(drawnFields).toEqual(['|']);
    act(() => rerender(<ReadingForm now={reading('7770142', '24NLLRN0004471')} />));
    expect(drawnFields).toEqual(['|', '7770142|24NLLRN0004471']);
  });
});

/** A form with the preset's fill on top, and a way to type a service order. */
function useFormWithPreset(initial: ReportForm, typedFields: ReportField[], fill: PresetFill) {
  const [values, setValues] = useState(initial);
  const form = {
    values,
    isDirty: (field: ReportField) => typedFields.includes(field),
    setValue: (field: ReportField, value: string) =>
      setValues((previous) => ({ ...previous, [field]: value })),
  };
  usePresetFill(form, fill);
  return { values, setOrder: (orderID: string) => form.setValue('orderID', orderID) };
}
describe('usePresetFill', () => {
  const fillFrom =
    (preset: { title: string; category: string } | undefined): PresetFill =>
    ({ orderID }) => ({
      todoType: 'INCIDENT',
      title: preset ? preset.title.replace('{serviceOrder}', orderID) : '',
      description: '',
      category: preset?.category ?? '',
      subCategory: '',
      status: 'INPROGRESS',
      priority: '',
      impact: '',
      likelihood: '',
    });
  const customs = fillFrom({ title: 'Claim {serviceOrder}', category: 'Customs' });
  const none = fillFrom(undefined);

  it('starts with the reading, then the preset, whose templates name the reading', () => {
    const values = initialFormValues(incidentForm({ orderID: '', title: '' }), reading('777'), [], customs);
    expect(values).toMatchObject({ orderID: '777', title: 'Claim 777', category: 'Customs' });
  });

  it('follows a switch of preset and a new service order, never over what the user typed', () => {
    const start = incidentForm({ orderID: '777', title: 'Mine', category: '' });
    const { result, rerender } = renderHook(({ fill }) => useFormWithPreset(start, ['title'], fill), {
      initialProps: { fill: customs },
    });
    expect(result.current.values).toMatchObject({ title: 'Mine', category: 'Customs' });
    act(() => rerender({ fill: none }));
    expect(result.current.values).toMatchObject({ title: 'Mine', category: '' });
  });

  it('fills the templates again when the service order changes', () => {
    const start = incidentForm({ orderID: '777', title: '' });
    const { result } = renderHook(() => useFormWithPreset(start, [], customs));
    expect(result.current.values.title).toBe('Claim 777');
    act(() => result.current.setOrder('888'));
    expect(result.current.values.title).toBe('Claim 888');
  });
});
