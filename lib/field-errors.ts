/** A zod error as the forms show it: the first message for each field, keyed by the field's name. */
import type { z } from 'zod/mini';

export function firstMessagePerField<Field extends string>(
  error: z.core.$ZodError | undefined,
): Partial<Record<Field, string>> {
  const messages: Partial<Record<string, string>> = {};
  for (const issue of error?.issues ?? []) {
    const field = issue.path[0];
    if (typeof field === 'string') messages[field] ??= issue.message;
  }
  return messages as Partial<Record<Field, string>>;
}
