/**
 * The tokens: only the background worker reads or writes this item. A module of its own, which the
 * popup and the options page do not load: an item is read once as it is defined (@wxt-dev/storage),
 * and those pages have no use for the tokens.
 */
import { z } from 'zod/mini';
import { defineCheckedItem } from '../stored';

export interface Tokens {
  accessToken: string;
  refreshToken?: string | undefined;
  /** epoch ms when BzCtrl said the access token expires */
  expiresAt: number;
  lifetimeMs: number;
}
export const tokensItem = defineCheckedItem<Tokens | null>(
  'session:tokens',
  z.object({
    accessToken: z.string().check(z.minLength(1)),
    refreshToken: z.optional(z.string()),
    expiresAt: z.number(),
    lifetimeMs: z.number(),
  }),
  null,
  // Set aside without the secrets: which keys it had, not their values.
  { version: 1, redact: (value) => (typeof value === 'object' && value ? Object.keys(value) : typeof value) },
);
