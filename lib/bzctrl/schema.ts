/**
 * BzCtrl's integration contract, written once (see ../shared/CONTRACT.md): the allowed values, the
 * rule of each field, and the workspace key. The form (report-form.ts), the add-task body
 * (add-task.ts) and BzCtrl's answers (responses.ts) are built from these.
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
