/**
 * BzCtrl's add-task body, exactly as BzCtrl takes it, and how a valid form becomes one. Only the
 * worker builds bodies, so the popup does not carry this code.
 */

import { z } from 'zod/mini';
import { type ReportForm, reportFormSchema } from './report-form';
import { domainWorkSpaceSchema, fieldRules, levelSchema, normalizeAmount, statusSchema } from './schema';

const incidentFields = {
  financialImpact: z.optional(fieldRules.financialImpact),
  impact: z.optional(levelSchema),
  likelihood: z.optional(levelSchema),
};
const taskFields = { result: z.optional(fieldRules.result) };
const commonFields = {
  domainWorkSpace: domainWorkSpaceSchema,
  title: fieldRules.title,
  description: fieldRules.description,
  status: statusSchema,
  priority: z.optional(levelSchema),
  assignee: fieldRules.assignee,
  reporter: fieldRules.reporter,
  category: z.optional(fieldRules.tags),
  subCategory: z.optional(fieldRules.tags),
  orderID: fieldRules.orderID,
  lrn: z.optional(fieldRules.lrn),
  reminderDate: z.optional(fieldRules.reminderDate),
};

/** The add-task body, exactly as BzCtrl takes it: strict, so no stray or other-type key is ever sent. */
export const addTaskRequestSchema = z.discriminatedUnion('todoType', [
  z.strictObject({ todoType: z.literal('INCIDENT'), ...commonFields, ...incidentFields }),
  z.strictObject({ todoType: z.literal('TASK'), ...commonFields, ...taskFields }),
]);
export type AddTaskRequest = z.infer<typeof addTaskRequestSchema>;

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
          financialImpact: given(normalizeAmount(valid.financialImpact)),
          impact: valid.impact || undefined,
          likelihood: valid.likelihood || undefined,
        }
      : { todoType: 'TASK' as const, ...common, result: given(valid.result) };
  return addTaskRequestSchema.parse(withoutUndefined(typed));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
