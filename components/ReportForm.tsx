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
import { SubmitButton } from './SubmitButton';
import { submitOnCtrlEnter } from './submit-shortcut';
import { useZodForm } from './use-zod-form';

interface ReportFormProps {
  initialValues: ReportFormValues;
  /** Fields the user filled before (a restored draft): page readings leave them alone. */
  typedFields: ReportField[];
  /** What the page (or the selection) offered; the best fills fields the user has not typed in. */
  reading: PageReading;
  domainWorkSpace: string;
  onSubmit(values: ReportFormValues): Promise<Failure | undefined>;
  /** Every change, as it is typed: the draft is saved from here. */
  onChange(values: ReportFormValues): void;
  /** More controls beside the submit button (Pop out, Discard draft). */
  actions?: ReactNode;
  /** Pick on page, beside Service order and LRN, where the form is about a tab. */
  onPick?(field: 'serviceOrder' | 'lrn'): void;
}

export function ReportForm({
  initialValues,
  typedFields,
  reading,
  domainWorkSpace,
  onSubmit,
  onChange,
  actions,
  onPick,
}: ReportFormProps) {
  const form = useZodForm(reportFormSchema, initialValues, typedFields);
  const { field: register, error, handleSubmit, submitting } = form;
  const [failure, setFailure] = useState<Failure | undefined>();
  const isIncident = form.values.todoType === 'INCIDENT';
  usePrefill(form, reading);
  // For `npm run bench`: when the form is on screen.
  useEffect(() => {
    performance.mark('bzctrl:form-ready');
  }, []);
  const shown = useRef(form.values);
  const { values, hasTyped } = form;
  useEffect(() => {
    // Page readings alone are no work of the user's: a draft starts with the first keystroke.
    if (values === shown.current) return;
    shown.current = values;
    if (hasTyped()) onChange(values);
  }, [values, hasTyped, onChange]);

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
      className="report"
      onSubmit={submit}
      onKeyDown={submitOnCtrlEnter}
      noValidate
      aria-busy={submitting}
    >
      <div className="row">
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
        <>
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
          <div className="row">
            <Field label={i18n.t('form.impact')} error={error('impact')}>
              <select {...register('impact')}>{levelOptions}</select>
            </Field>
            <Field label={i18n.t('form.likelihood')} error={error('likelihood')}>
              <select {...register('likelihood')}>{levelOptions}</select>
            </Field>
          </div>
        </>
      ) : (
        <Field label={i18n.t('form.result')} error={error('result')}>
          <textarea rows={2} {...register('result')} />
        </Field>
      )}
      <div className="row">
        <Field label={i18n.t('form.priority')} error={error('priority')}>
          <select {...register('priority')}>{levelOptions}</select>
        </Field>
        <Field label={i18n.t('form.reminderDate')} error={error('reminderDate')}>
          <input type="date" {...register('reminderDate')} />
        </Field>
      </div>
      <div className="row">
        <Field label={i18n.t('form.assignee')} error={error('assignee')}>
          <input type="email" autoComplete="off" aria-required="true" {...register('assignee')} />
        </Field>
        <Field label={i18n.t('form.reporter')} error={error('reporter')}>
          <input type="email" autoComplete="off" aria-required="true" {...register('reporter')} />
        </Field>
      </div>
      <div className="row">
        <Field label={i18n.t('form.category')} error={error('category')} hint={i18n.t('form.commaSeparated')}>
          <input autoComplete="off" {...register('category')} />
        </Field>
        <Field
          label={i18n.t('form.subCategory')}
          error={error('subCategory')}
          hint={i18n.t('form.commaSeparated')}
        >
          <input autoComplete="off" {...register('subCategory')} />
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
        {actions}
        <span className="muted" title={i18n.t('form.workspace')}>
          {domainWorkSpace}
        </span>
      </div>
    </form>
  );
}

/** A valid amount as the user's language writes it, so they see how it was read: "€ 1.250,50". */
function amountRead(typed: string): string | undefined {
  const amount = normalizeAmount(typed);
  return fieldRules.financialImpact.safeParse(amount).success
    ? i18n.t('form.amountRead', { amount: formatEuros(amount) })
    : undefined;
}

/** Fills Service order and LRN with the best values read, unless the user typed or picked there. */
function usePrefill(
  form: {
    isDirty(field: ReportField): boolean;
    setValue(field: ReportField, value: string): void;
  },
  reading: PageReading,
) {
  const { isDirty, setValue } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new reading arrives, not on every keystroke
  useEffect(() => {
    const best: [ReportField, string | undefined][] = [
      ['orderID', reading.serviceOrder[0]?.value],
      ['lrn', reading.lrn[0]?.value],
    ];
    // A later reading replaces an earlier one (the menu's guess, then the page's own reading of the
    // selection), even with nothing; what the user typed stays.
    for (const [field, value] of best) {
      if (!isDirty(field)) setValue(field, value ?? '');
    }
  }, [reading]);
}
