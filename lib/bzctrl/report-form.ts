/**
 * What the operator fills in, as the popup holds it (every field a string). The popup shows this
 * schema's errors next to the fields; the worker parses the same schema again before it builds
 * the add-task body from it (add-task.ts).
 */
import { z } from 'zod/mini';
import { i18n } from '#i18n';
import {
  fieldRules,
  levelSchema,
  maxText,
  normalizeAmount,
  statusSchema,
  type TodoType,
  todoTypeSchema,
} from './schema';

/** Empty means "not given": optional fields may be left blank in the form. */
const blankOr = <T extends z.ZodMiniType<string>>(rule: T) => z.union([z.literal(''), rule]);
const optionalLevel = z.union([z.literal(''), levelSchema]);

const reportFormFields = z.object({
  todoType: todoTypeSchema,
  title: fieldRules.title,
  description: fieldRules.description,
  result: z.string().check(maxText(() => i18n.t('form.result'), 10_000)),
  // Checked below, and only for an Incident: a Task never sends it, whatever the hidden field holds.
  // A decimal comma is fine here; the add-task body gets the point BzCtrl takes.
  financialImpact: z.string(),
  impact: optionalLevel,
  likelihood: optionalLevel,
  status: statusSchema,
  priority: optionalLevel,
  assignee: fieldRules.assignee,
  reporter: fieldRules.reporter,
  category: z.string().check(z.maxLength(1000, { error: () => i18n.t('validation.tooManyCategories') })),
  subCategory: z
    .string()
    .check(z.maxLength(1000, { error: () => i18n.t('validation.tooManySubCategories') })),
  orderID: fieldRules.orderID,
  lrn: blankOr(fieldRules.lrn),
  reminderDate: blankOr(fieldRules.reminderDate),
});
export const reportFormSchema = reportFormFields.check(
  z.superRefine((form, ctx) => {
    if (form.todoType !== 'INCIDENT' || !form.financialImpact.trim()) return;
    const amount = fieldRules.financialImpact.safeParse(normalizeAmount(form.financialImpact));
    for (const issue of amount.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: ['financialImpact'], message: issue.message });
    }
  }),
);
export type ReportForm = z.infer<typeof reportFormSchema>;
export type ReportField = keyof ReportForm;

export function emptyReportForm(todoType: TodoType, email: string): ReportForm {
  return {
    todoType,
    title: '',
    description: '',
    result: '',
    financialImpact: '',
    impact: '',
    likelihood: '',
    status: 'INPROGRESS',
    priority: '',
    assignee: email,
    reporter: email,
    category: '',
    subCategory: '',
    orderID: '',
    lrn: '',
    reminderDate: '',
  };
}
