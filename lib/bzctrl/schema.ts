/**
 * BzCtrl's integration contract, written once (see ../shared/CONTRACT.md).
 * The popup validates the form with these schemas, the worker re-validates what it is sent,
 * and the add-task body and responses are checked against them.
 */
import { z } from 'zod/mini';

export const TODO_TYPES = ['INCIDENT', 'TASK'] as const;
export const STATUSES = ['TODO', 'INPROGRESS', 'DONE'] as const;
export const LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;

export const todoTypeSchema = z.enum(TODO_TYPES);
export const statusSchema = z.enum(STATUSES);
export const levelSchema = z.enum(LEVELS);
export type TodoType = z.infer<typeof todoTypeSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Level = z.infer<typeof levelSchema>;

/** Keys that only an Incident may carry, and only a Task may carry. */
export const INCIDENT_ONLY_KEYS = ['financialImpact', 'impact', 'likelihood'] as const;
export const TASK_ONLY_KEYS = ['result'] as const;

const requiredText = (what: string, max: number) =>
  z
    .string({ error: `${what} is required.` })
    .check(
      z.trim(),
      z.minLength(1, `${what} is required.`),
      z.maxLength(max, `${what} must be at most ${max} characters.`),
    );

// Each field's rule, shared by the form schema and the request schema.
export const fieldRules = {
  title: requiredText('Title', 255),
  description: requiredText('Description', 10_000),
  result: requiredText('Result', 10_000),
  financialImpact: z
    .string()
    .check(z.trim(), z.regex(/^\d+(\.\d{1,2})?$/, 'Enter an amount in EUR, digits only, e.g. 1250.50.')),
  email: (what: string) =>
    z
      .string()
      .check(
        z.trim(),
        z.email(`${what} must be a valid e-mail address.`),
        z.maxLength(254, `${what} is too long.`),
      ),
  orderID: requiredText('Service order', 64),
  lrn: z.string().check(z.trim(), z.regex(/^[A-Za-z0-9]{1,22}$/, 'LRN is up to 22 letters and digits.')),
  reminderDate: z.string().check(z.refine(isCalendarDate, 'Reminder date must be a real date, YYYY-MM-DD.')),
  tags: z.array(requiredText('A category', 100)).check(z.minLength(1)),
} as const;

/** `YYYY-MM-DD` that names a real day (no 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The workspace key as BzCtrl's URLs show it, e.g. `IMP-NLD-EXA-SWA`.
 * Upper-case letters and digits in at least two dash-separated parts.
 */
export const domainWorkSpaceSchema = z
  .string()
  .check(z.regex(/^[A-Z0-9]+(-[A-Z0-9]+)+$/, 'A workspace key looks like IMP-NLD-EXA-SWA.'));

/**
 * CONTRACT.md: if the domain already ends in `-<workspace>` it is the key; otherwise `<domain>-<workspace>`.
 * A pasted BzCtrl URL (…/todo/IMP-NLD-EXA-SWA-03, …/workspace/IMP-NLD-EXA-SWA) gives its key.
 */
export function toDomainWorkSpace(domain: string, workspace: string): string {
  const fromUrl = workspaceKeyFromUrl(domain) ?? workspaceKeyFromUrl(workspace);
  if (fromUrl) return fromUrl;
  const d = domain.trim().toUpperCase();
  const w = workspace.trim().toUpperCase();
  if (!w) return d;
  if (!d) return w;
  return d === w || d.endsWith(`-${w}`) ? d : `${d}-${w}`;
}

/** The workspace key inside a pasted BzCtrl URL, or null when the text is not such a URL. */
export function workspaceKeyFromUrl(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed) || !URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  // BzCtrl is a hash-routed app: the key stands in the fragment (or the path), in upper case.
  const route = decodeURIComponent(url.pathname + url.hash);
  const key = route.match(/[A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+/g)?.at(-1);
  if (!key) return null;
  // A task link is the key plus the item number: …/todo/IMP-NLD-EXA-SWA-03.
  return /\/todo\//i.test(route) ? key.replace(/-\d+$/, '') : key;
}

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
  assignee: fieldRules.email('Assignee'),
  reporter: fieldRules.email('Reporter'),
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

const optionalString = z.optional(z.string());

export const addTaskResponseSchema = z.looseObject({
  title: optionalString,
  taskType: optionalString,
  description: optionalString,
  taskLink: z.url({ error: 'BzCtrl answered without a valid taskLink.' }),
  tags: z.optional(z.array(z.string())),
});
export type AddTaskResponse = z.infer<typeof addTaskResponseSchema>;

const token = z.string().check(z.minLength(1));

export const tokenResponseSchema = z.looseObject({
  access_token: token,
  refresh_token: z.optional(token),
  token_type: optionalString,
  expires_in: z.optional(z.number().check(z.positive())),
  scope: optionalString,
  jti: optionalString,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Error bodies BzCtrl may send: Spring Boot's, OAuth2's, or anything else. */
export const errorBodySchema = z.looseObject({
  error: optionalString,
  error_description: optionalString,
  message: optionalString,
  status: z.optional(z.number()),
  errors: z.optional(
    z.array(
      z.looseObject({ field: optionalString, defaultMessage: optionalString, message: optionalString }),
    ),
  ),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
