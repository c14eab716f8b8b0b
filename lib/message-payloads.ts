/**
 * The payload of each message of lib/messages.ts, as the worker checks it before it obeys
 * (lib/background/message-handlers.ts).
 */
import { z } from 'zod/mini';
import { i18n } from '#i18n';
import type { ReportForm } from './bzctrl/report-form';

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
export type SubmitPayload = { id: string; form: ReportForm; tabId?: number | undefined };

export const outboxPayloadSchema = z.object({ id: z.string().check(z.maxLength(64)) });
