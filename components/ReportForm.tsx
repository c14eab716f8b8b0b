// Over 200 lines: the form's markup, one field after another, in the order the operator fills it;
// its state lives in use-zod-form.ts and report-prefill.ts.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import {
  type ReportField,
  type ReportForm as ReportFormValues,
  reportFormSchema,
} from '@/lib/bzctrl/report-form';
import { fieldRules, LEVELS, normalizeAmount, STATUSES } from '@/lib/bzctrl/schema';
import type { Failure } from '@/lib/failures';
import { formatEuros } from '@/lib/locale';
import type { PageReading } from '@/lib/page/types';
import { Field } from './Field';
import { foundValues } from './FoundValues';
import { PickButton } from './PickButton';
import { initialFormValues, type PresetFill, usePrefill, usePresetFill } from './report-prefill';
import { SubmitButton } from './SubmitButton';
import { isSubmitShortcut, submitOnCtrlEnter } from './submit-shortcut';
import { useZodForm } from './use-zod-form';

interface ReportFormProps {
  initialValues: ReportFormValues;
  /** Fields the user filled before (a restored draft): page readings leave them alone. */
  typedFields: ReportField[];
  /** What the page (or the selection) offered; the best fills fields the user has not typed in. */
  reading: PageReading;
  /** The preset in force (or none, with the origin line): its fields, unless the user typed there. */
  presetFill?: PresetFill | undefined;
  onSubmit(values: ReportFormValues): Promise<Failure | undefined>;
  /** Every change once the user typed, with the fields they typed in: the draft is saved from here. */
  onChange(values: ReportFormValues, typed: ReportField[]): void;
  /** More controls beside the submit button (Pop out, Save as preset), given the values as they stand. */
  actions?: ((values: ReportFormValues) => ReactNode) | undefined;
  /** Above the fields (the preset in force). */
  header?: ReactNode;
  /** Pick on page, beside Service order and LRN, where the form is about a tab. */
  onPick?(field: 'serviceOrder' | 'lrn'): void;
}

export function ReportForm({
  initialValues,
  typedFields,
  reading,
  presetFill,
  onSubmit,
  onChange,
  actions,
  header,
  onPick,
}: ReportFormProps) {
  // Drawn once with the page's values already in, where the reading has come by then.
  const form = useZodForm(
    reportFormSchema,
    initialFormValues(initialValues, reading, typedFields, presetFill),
    typedFields,
  );
  const { field: register, error, handleSubmit, submitting } = form;
  const [failure, setFailure] = useState<Failure | undefined>();
  const isIncident = form.values.todoType === 'INCIDENT';
  usePrefill(form, reading);
  usePresetFill(form, presetFill);
  // For `npm run bench`: when the form is on screen.
  useEffect(() => {
    performance.mark('bzctrl:first-render');
  }, []);
  // Ctrl+Enter with the focus nowhere yet (the popup just opened by its shortcut) sends the form
  // too: on a screen a preset fills, the shortcut and Ctrl+Enter are all it takes.
  const formElement = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const nowhere = document.activeElement === null || document.activeElement === document.body;
      // Not while the history hides it (it stays drawn, so that nothing typed is lost).
      const onShow = formElement.current?.closest('[hidden]') === null;
      if (nowhere && onShow && !event.defaultPrevented && isSubmitShortcut(event)) {
        event.preventDefault();
        formElement.current?.requestSubmit();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  const shown = useRef(form.values);
  const { values, typed } = form;
  useEffect(() => {
    // Page readings alone are no work of the user's: a draft starts with the first keystroke.
    if (values === shown.current) return;
    shown.current = values;
    const typedNow = typed();
    if (typedNow.length > 0) onChange(values, typedNow);
  }, [values, typed, onChange]);

  const submit = handleSubmit(async (values) => {
    setFailure(undefined);
    const result = await onSubmit(values);
    if (!result) return;
    setFailure(result);
    form.setServerErrors(result.fieldErrors ?? {});
  });
  const found = (field: 'orderID' | 'lrn', candidates: PageReading['lrn']) =>
    foundValues({
      value: form.values[field],
      candidates,
      typed: form.isDirty(field),
      onPick: (value) => form.setValue(field, value, true),
    });
  const levelOptions = (
    <>
      {/* Read out as words, not as a dash. */}
      <option value="" aria-label={i18n.t('level.notSet')}>
        —
      </option>
      {LEVELS.map((level) => (
        <option key={level} value={level}>
          {i18n.t(`level.${level}`)}
        </option>
      ))}
    </>
  );

  return (
    <form
      ref={formElement}
      className="report"
      onSubmit={submit}
      onKeyDown={submitOnCtrlEnter}
      noValidate
      aria-busy={submitting}
    >
      {header}
      {/* What an operator fills in every time comes first; the rest is compact, three to a row. */}
      <div className="row row--3">
        <Field label={i18n.t('form.type')} error={error('todoType')}>
          <select {...register('todoType')}>
            <option value="INCIDENT">{i18n.t('todoType.INCIDENT')}</option>
            <option value="TASK">{i18n.t('todoType.TASK')}</option>
          </select>
        </Field>
        <Field label={i18n.t('form.status')} error={error('status')}>
          <select {...register('status')}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {i18n.t(`status.${status}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={i18n.t('form.priority')} error={error('priority')}>
          <select {...register('priority')}>{levelOptions}</select>
        </Field>
      </div>
      <div className="row">
        <Field
          label={i18n.t('form.serviceOrder')}
          error={error('orderID')}
          hint={found('orderID', reading.serviceOrder)}
          action={onPick && <PickButton field="serviceOrder" onPick={onPick} />}
        >
          <input autoComplete="off" spellCheck={false} aria-required="true" {...register('orderID')} />
        </Field>
        <Field
          label={i18n.t('form.lrn')}
          error={error('lrn')}
          hint={found('lrn', reading.lrn)}
          action={onPick && <PickButton field="lrn" onPick={onPick} />}
        >
          <input autoComplete="off" spellCheck={false} {...register('lrn')} />
        </Field>
      </div>
      <Field label={i18n.t('form.title')} error={error('title')}>
        <input autoComplete="off" aria-required="true" {...register('title')} />
      </Field>
      <Field label={i18n.t('form.description')} error={error('description')}>
        <textarea rows={2} aria-required="true" {...register('description')} />
      </Field>
      {isIncident ? (
        <div className="row row--3">
          <Field
            label={i18n.t('form.financialImpact')}
            error={error('financialImpact')}
            hint={amountRead(form.values.financialImpact)}
          >
            <input
              inputMode="decimal"
              placeholder={i18n.t('form.amountExample')}
              {...register('financialImpact')}
            />
          </Field>
          <Field label={i18n.t('form.impact')} error={error('impact')}>
            <select {...register('impact')}>{levelOptions}</select>
          </Field>
          <Field label={i18n.t('form.likelihood')} error={error('likelihood')}>
            <select {...register('likelihood')}>{levelOptions}</select>
          </Field>
        </div>
      ) : (
        <Field label={i18n.t('form.result')} error={error('result')}>
          <textarea rows={2} {...register('result')} />
        </Field>
      )}
      <div className="row">
        <Field label={i18n.t('form.assignee')} error={error('assignee')}>
          <input type="email" autoComplete="off" aria-required="true" {...register('assignee')} />
        </Field>
        <Field label={i18n.t('form.reporter')} error={error('reporter')}>
          <input type="email" autoComplete="off" aria-required="true" {...register('reporter')} />
        </Field>
      </div>
      <div className="row row--3">
        <Field label={i18n.t('form.category')} error={error('category')}>
          <input autoComplete="off" placeholder={i18n.t('form.commaSeparated')} {...register('category')} />
        </Field>
        <Field label={i18n.t('form.subCategory')} error={error('subCategory')}>
          <input
            autoComplete="off"
            placeholder={i18n.t('form.commaSeparated')}
            {...register('subCategory')}
          />
        </Field>
        <Field label={i18n.t('form.reminderDate')} error={error('reminderDate')}>
          <input type="date" {...register('reminderDate')} />
        </Field>
      </div>
      {failure && (
        <p className="message message--error" role="alert">
          {failure.message}
        </p>
      )}
      <div className="actions">
        <SubmitButton busy={submitting}>
          {submitting
            ? i18n.t('form.sending')
            : isIncident
              ? i18n.t('form.createIncident')
              : i18n.t('form.createTask')}
        </SubmitButton>
        {actions?.(form.values)}
      </div>
    </form>
  );
}

/** A valid amount as the user's language writes it, so they see how it was read: "€ 1.250,50". */
function amountRead(typed: string): string | undefined {
  const amount = normalizeAmount(typed);
  // Empty, as the form starts: nothing to show, and no schema asked at the first render.
  if (amount === '') return undefined;
  return fieldRules.financialImpact.safeParse(amount).success
    ? i18n.t('form.amountRead', { amount: formatEuros(amount) })
    : undefined;
}
