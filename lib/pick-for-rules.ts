/**
 * A value picked on a page for the options page's rule being edited (Pick in the page rules): the
 * worker leaves it here, the options page takes it into the rule's field. Session storage: it is
 * only for the rule being edited now.
 */
import { z } from 'zod/mini';
import { defineCheckedItem } from './stored';

const pickForRulesSchema = z.object({
  field: z.enum(['serviceOrder', 'lrn']),
  value: z.string(),
  anchor: z.union([z.object({ label: z.string() }), z.object({ selector: z.string() })]),
  /** The site's pattern, for a rule that has none yet. */
  urlPattern: z.string(),
  at: z.number(),
});
export type PickForRules = z.infer<typeof pickForRulesSchema>;

export const pickForRulesItem = defineCheckedItem<PickForRules | null>(
  'session:pickForRules',
  pickForRulesSchema,
  null,
  { version: 1 },
);
