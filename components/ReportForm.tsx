import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type ReportField,
  type ReportForm as ReportFormValues,
  reportFormSchema,
} from '@/lib/bzctrl/report-form';
import { LEVELS, type Level, STATUSES, type Status } from '@/lib/bzctrl/schema';
import type { Failure } from '@/lib/failures';
import type { PageReading } from '@/lib/page/types';
import { Field } from './Field';
import { FoundValues, hasFoundValues } from './FoundValues';
import { SUBMIT_SHORTCUTS, submitOnCtrlEnter } from './submit-shortcut';
import { useZodForm } from './use-zod-form';

const LEVEL_LABELS: Record<Level, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' };
const STATUS_LABELS: Record<Status, string> = {
  TODO: 'To do',
  INPROGRESS: 'In progress',
  DONE: 'Done',
};

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
}

export function ReportForm({
  initialValues,
  typedFields,
  reading,
  domainWorkSpace,
  onSubmit,
  onChange,
  actions,
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
  // A hint only when there is something to say: an empty one would still be the field's description.
  const found = (field: 'orderID' | 'lrn', candidates: PageReading['lrn']) =>
    hasFoundValues(form.values[field], candidates, form.isDirty(field)) ? (
      <FoundValues
        value={form.values[field]}
        candidates={candidates}
        typed={form.isDirty(field)}
        onPick={(value) => form.setValue(field, value, true)}
      />
    ) : undefined;
  const levelOptions = (
    <>
      {/* Read out as words, not as a dash. */}
      <option value="" aria-label="Not set">
        —
      </option>
      {LEVELS.map((level) => (
        <option key={level} value={level}>
          {LEVEL_LABELS[level]}
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
        <Field label="Type" error={error('todoType')}>
          <select {...register('todoType')}>
            <option value="INCIDENT">Incident</option>
            <option value="TASK">Task</option>
          </select>
        </Field>
        <Field label="Status" error={error('status')}>
          <select {...register('status')}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="row">
        <Field label="Service order" error={error('orderID')} hint={found('orderID', reading.serviceOrder)}>
          <input autoComplete="off" spellCheck={false} aria-required="true" {...register('orderID')} />
        </Field>
        <Field label="LRN" error={error('lrn')} hint={found('lrn', reading.lrn)}>
          <input autoComplete="off" spellCheck={false} {...register('lrn')} />
        </Field>
      </div>
      <Field label="Title" error={error('title')}>
        <input autoComplete="off" aria-required="true" {...register('title')} />
      </Field>
      <Field label="Description" error={error('description')}>
        <textarea rows={2} aria-required="true" {...register('description')} />
      </Field>
      {isIncident ? (
        <>
          <Field label="Financial impact (EUR)" error={error('financialImpact')}>
            <input inputMode="decimal" placeholder="e.g. 1250.50" {...register('financialImpact')} />
          </Field>
          <div className="row">
            <Field label="Impact" error={error('impact')}>
              <select {...register('impact')}>{levelOptions}</select>
            </Field>
            <Field label="Likelihood" error={error('likelihood')}>
              <select {...register('likelihood')}>{levelOptions}</select>
            </Field>
          </div>
        </>
      ) : (
        <Field label="Result" error={error('result')}>
          <textarea rows={2} {...register('result')} />
        </Field>
      )}
      <div className="row">
        <Field label="Priority" error={error('priority')}>
          <select {...register('priority')}>{levelOptions}</select>
        </Field>
        <Field label="Reminder date" error={error('reminderDate')}>
          <input type="date" {...register('reminderDate')} />
        </Field>
      </div>
      <div className="row">
        <Field label="Assignee" error={error('assignee')}>
          <input type="email" autoComplete="off" aria-required="true" {...register('assignee')} />
        </Field>
        <Field label="Reporter" error={error('reporter')}>
          <input type="email" autoComplete="off" aria-required="true" {...register('reporter')} />
        </Field>
      </div>
      <div className="row">
        <Field label="Category" error={error('category')} hint="Comma-separated">
          <input autoComplete="off" {...register('category')} />
        </Field>
        <Field label="Sub-category" error={error('subCategory')} hint="Comma-separated">
          <input autoComplete="off" {...register('subCategory')} />
        </Field>
      </div>
      {failure && (
        <p className="message message--error" role="alert">
          {failure.message}
        </p>
      )}
      <div className="actions">
        {/* Not `disabled` while sending: a disabled button drops the keyboard focus. */}
        <button
          type="submit"
          className="primary"
          aria-disabled={submitting || undefined}
          aria-keyshortcuts={SUBMIT_SHORTCUTS}
        >
          {submitting ? 'Sending…' : isIncident ? 'Create incident' : 'Create task'}
        </button>
        {actions}
        <span className="muted" title="BzCtrl workspace">
          {domainWorkSpace}
        </span>
      </div>
    </form>
  );
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
    for (const [field, value] of best) {
      if (value && !isDirty(field)) setValue(field, value);
    }
  }, [reading]);
}
