/**
 * BzCtrl's integration contract, written once (see ../shared/CONTRACT.md): the allowed values, the
 * rule of each field, and the workspace key. The form (report-form.ts), the add-task body
 * (add-task.ts) and BzCtrl's answers (responses.ts) are built from these.
 */

import { z } from 'zod/mini';
import { i18n } from '#i18n';

export const TODO_TYPES = ['INCIDENT', 'TASK'] as const;
export const STATUSES = ['TODO', 'INPROGRESS', 'DONE'] as const;
export const LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;

export const todoTypeSchema = z.enum(TODO_TYPES);
export const statusSchema = z.enum(STATUSES);
export const levelSchema = z.enum(LEVELS);
export type TodoType = z.infer<typeof todoTypeSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Level = z.infer<typeof levelSchema>;

/** A message in the user's language, looked up when a value fails (never at load time). */
const says = (message: () => string) => ({ error: message });
type FieldName = () => string;

/** At most `max` characters, said with the field's name. */
export const maxText = (field: FieldName, max: number) =>
  z.maxLength(
    max,
    says(() => i18n.t('validation.tooLong', { field: field(), max: String(max) })),
  );

const requiredText = (field: FieldName, max: number) => {
  const required = says(() => i18n.t('validation.required', { field: field() }));
  return z.string(required).check(z.trim(), z.minLength(1, required), maxText(field, max));
};

const email = (field: FieldName) =>
  z.string().check(
    z.trim(),
    z.email(says(() => i18n.t('validation.email', { field: field() }))),
    z.maxLength(
      254,
      says(() => i18n.t('validation.emailTooLong', { field: field() })),
    ),
  );

/**
 * An amount as the user may type it: a decimal comma, as Dutch is written ("1250,50"), becomes the
 * point BzCtrl takes. Anything else is left as typed, for the rule to judge.
 */
export function normalizeAmount(typed: string): string {
  const trimmed = typed.trim();
  return /^\d+,\d{1,2}$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
}

// Each field's rule, shared by the form schema and the request schema.
export const fieldRules = {
  title: requiredText(() => i18n.t('form.title'), 255),
  description: requiredText(() => i18n.t('form.description'), 10_000),
  result: requiredText(() => i18n.t('form.result'), 10_000),
  // As BzCtrl takes it: digits, a point, at most two decimals.
  financialImpact: z.string().check(
    z.trim(),
    z.regex(
      /^\d+(\.\d{1,2})?$/,
      says(() => i18n.t('validation.amount')),
    ),
  ),
  assignee: email(() => i18n.t('form.assignee')),
  reporter: email(() => i18n.t('form.reporter')),
  orderID: requiredText(() => i18n.t('form.serviceOrder'), 64),
  lrn: z.string().check(
    z.trim(),
    z.regex(
      /^[A-Za-z0-9]{1,22}$/,
      says(() => i18n.t('validation.lrn')),
    ),
  ),
  reminderDate: z.string().check(
    z.refine(
      isCalendarDate,
      says(() => i18n.t('validation.reminderDate')),
    ),
  ),
  tags: z.array(requiredText(() => i18n.t('validation.category'), 100)).check(z.minLength(1)),
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
export const domainWorkSpaceSchema = z.string().check(
  z.regex(
    /^[A-Z0-9]+(-[A-Z0-9]+)+$/,
    says(() => i18n.t('validation.workspaceKey')),
  ),
);

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
