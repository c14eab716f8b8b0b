/**
 * What the operator fills in, as the popup holds it (every field a string), and how it becomes
 * BzCtrl's add-task body. The popup shows this schema's errors next to the fields; the worker
 * parses the same schema again before it sends anything.
 */
import { z } from 'zod/mini';
import {
  type AddTaskRequest,
  addTaskRequestSchema,
  fieldRules,
  levelSchema,
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
  result: z.string().check(z.maxLength(10_000, 'Result is too long.')),
  // Checked below, and only for an Incident: a Task never sends it, whatever the hidden field holds.
  financialImpact: z.string(),
  impact: optionalLevel,
  likelihood: optionalLevel,
  status: statusSchema,
  priority: optionalLevel,
  assignee: fieldRules.email('Assignee'),
  reporter: fieldRules.email('Reporter'),
  category: z.string().check(z.maxLength(1000, 'Too many categories.')),
  subCategory: z.string().check(z.maxLength(1000, 'Too many sub-categories.')),
  orderID: fieldRules.orderID,
  lrn: blankOr(fieldRules.lrn),
  reminderDate: blankOr(fieldRules.reminderDate),
});
export const reportFormSchema = reportFormFields.check(
  z.superRefine((form, ctx) => {
    if (form.todoType !== 'INCIDENT' || !form.financialImpact.trim()) return;
    const amount = fieldRules.financialImpact.safeParse(form.financialImpact);
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

/** "Customs, Fetsa" → ["Customs", "Fetsa"]; nothing typed → left out. */
export function splitList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/**
 * The add-task body for a valid form: optional fields left blank and fields of the other type are
 * left out, never sent as "". Throws (a ZodError) when the form or the workspace key is invalid.
 */
export function toAddTaskRequest(form: ReportForm, domainWorkSpace: string): AddTaskRequest {
  const valid = reportFormSchema.parse(form);
  const given = (value: string) => value.trim() || undefined;
  const common = {
    domainWorkSpace,
    title: valid.title,
    description: valid.description,
    status: valid.status,
    priority: valid.priority || undefined,
    assignee: valid.assignee.trim(),
    reporter: valid.reporter.trim(),
    category: splitList(valid.category),
    subCategory: splitList(valid.subCategory),
    orderID: valid.orderID,
    lrn: given(valid.lrn)?.toUpperCase(),
    reminderDate: given(valid.reminderDate),
  };
  const typed =
    valid.todoType === 'INCIDENT'
      ? {
          todoType: 'INCIDENT' as const,
          ...common,
          financialImpact: given(valid.financialImpact),
          impact: valid.impact || undefined,
          likelihood: valid.likelihood || undefined,
        }
      : { todoType: 'TASK' as const, ...common, result: given(valid.result) };
  return addTaskRequestSchema.parse(withoutUndefined(typed));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
