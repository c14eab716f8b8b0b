/** The answers BzCtrl sends: add-task and token successes, and error bodies of every shape. */

import { z } from 'zod/mini';
import { i18n } from '#i18n';

const optionalString = z.optional(z.string());

export const addTaskResponseSchema = z.looseObject({
  title: optionalString,
  taskType: optionalString,
  description: optionalString,
  taskLink: z.url({ error: () => i18n.t('error.noTaskLink') }),
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
