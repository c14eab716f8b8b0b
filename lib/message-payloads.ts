/**
 * The payload of each message of lib/messages.ts, as the worker checks it before it obeys
 * (lib/background/message-handlers.ts).
 */
import { z } from 'zod/mini';
import { i18n } from '#i18n';
import type { ReportForm } from './bzctrl/report-form';
import { MAX_RULE_LABEL_LENGTH, MAX_RULE_SELECTOR_LENGTH } from './page/rule-limits';

export const signInPayloadSchema = z.object({
  email: z.string().check(z.trim(), z.email({ error: () => i18n.t('validation.signInEmail') })),
  password: z.string().check(z.minLength(1, { error: () => i18n.t('validation.password') })),
});
export type SignInPayload = z.infer<typeof signInPayloadSchema>;

/** Made by the form once per submission, so that the same submission is never sent twice. */
export const submissionIdSchema = z
  .string()
  .check(z.regex(/^[\w-]{8,64}$/, { error: () => i18n.t('validation.submissionId') }));
/** The tab the form is about, when it is about one. */
export const tabIdSchema = z.optional(
  z.custom<number>((id) => Number.isInteger(id) && (id as number) > 0, 'not a tab id'),
);
export type SubmitPayload = {
  id: string;
  form: ReportForm;
  tabId?: number | undefined;
  /** Where the item goes, as the form showed it; the settings' workspace when left out. */
  domainWorkSpace?: string | undefined;
};

export const outboxPayloadSchema = z.object({ id: z.string().check(z.maxLength(64)) });

const fieldSchema = z.enum(['serviceOrder', 'lrn']);
/** A random id the worker gives each picking session; the picker sends it back with what it picked. */
const pickSessionSchema = z.string().check(z.regex(/^[\w-]{16,64}$/));

export const startPickPayloadSchema = z.object({
  tabId: z.custom<number>((id) => Number.isInteger(id) && (id as number) > 0, 'not a tab id'),
  field: fieldSchema,
  /** For the form (the worker saves a page rule), or for the options page's rule being edited. */
  purpose: z.enum(['form', 'rules']),
});
export type StartPickPayload = z.infer<typeof startPickPayloadSchema>;

export const pickMadePayloadSchema = z.object({
  session: pickSessionSchema,
  field: fieldSchema,
  value: z.string().check(z.minLength(1), z.maxLength(64)),
  anchor: z.union([
    z.object({ label: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_RULE_LABEL_LENGTH)) }),
    z.object({ selector: z.string().check(z.minLength(1), z.maxLength(MAX_RULE_SELECTOR_LENGTH)) }),
  ]),
});
export type PickMadePayload = z.infer<typeof pickMadePayloadSchema>;

export const pickEndPayloadSchema = z.object({ session: pickSessionSchema });
export type PickEndPayload = z.infer<typeof pickEndPayloadSchema>;
