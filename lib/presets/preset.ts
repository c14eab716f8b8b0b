/**
 * Presets: named sets of defaults for the form (type, workspace, wording, category, levels) and the
 * pages they are for. The user's own are stored in storage.local; the organisation's come by policy
 * (lib/policy.ts), are tried first and show as locked. Each is checked as the options page checks
 * it, wherever it comes from: a stored preset that does not pass is set aside, a policy one left out.
 */
import { z } from 'zod/mini';
import { i18n } from '#i18n';
import {
  domainWorkSpaceSchema,
  levelSchema,
  STATUSES,
  statusSchema,
  toDomainWorkSpace,
  todoTypeSchema,
} from '../bzctrl/schema';
import { parseUrlPattern } from '../page/url-patterns';
import { defineCheckedList } from '../stored';
import { PLACEHOLDERS, unknownPlaceholders } from './templates';

export const MAX_PRESETS = 100;
const MAX_PATTERNS = 20;

const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const blankOr = <T extends z.ZodMiniType<string>>(rule: T) => z.union([z.literal(''), rule]);

/** A template: at most `max` characters, and no placeholder that does not exist. */
const template = (max: number) =>
  z.string().check(
    z.maxLength(max, { error: () => i18n.t('preset.tooLong', { max: String(max) }) }),
    z.superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length === 0) return;
      ctx.addIssue({
        code: 'custom',
        input: text,
        message: i18n.t('preset.unknownPlaceholder', {
          names: unknown.map((name) => `{${name}}`).join(', '),
          known: PLACEHOLDERS.map((name) => `{${name}}`).join(', '),
        }),
      });
    }),
  );

const presetFields = z.object({
  /** Made when the preset is made; names it to the menu, the launch note and the draft. */
  id: z.string().check(z.regex(/^[\w-]{1,64}$/)),
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: () => i18n.t('preset.nameRequired') }),
      z.maxLength(80, { error: () => i18n.t('preset.tooLong', { max: '80' }) }),
    ),
  /** Match patterns or plain hosts, as page rules have them; none: chosen by hand only. */
  urlPatterns: z.array(trimmed(2000)).check(
    z.maxLength(MAX_PATTERNS, {
      error: () => i18n.t('preset.tooManyPatterns', { max: String(MAX_PATTERNS) }),
    }),
    z.superRefine((patterns, ctx) => {
      const bad = patterns.filter((pattern) => !parseUrlPattern(pattern));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          input: patterns,
          message: i18n.t('preset.badPattern', { patterns: bad.join(', ') }),
        });
      }
    }),
  ),
  /** '' keeps the form's own (the default type, the Incident's status). */
  todoType: blankOr(todoTypeSchema),
  /** Both '' for the workspace of the settings; else together they make the key this preset sends to. */
  domain: trimmed(300),
  workspace: trimmed(300),
  title: template(255),
  description: template(10_000),
  category: trimmed(1000),
  subCategory: trimmed(1000),
  status: blankOr(statusSchema),
  priority: blankOr(levelSchema),
  impact: blankOr(levelSchema),
  likelihood: blankOr(levelSchema),
});

export const presetSchema = presetFields.check(
  z.superRefine((preset, ctx) => {
    if (!preset.domain && !preset.workspace) return;
    const key = presetWorkspaceKey(preset);
    if (domainWorkSpaceSchema.safeParse(key).success) return;
    ctx.addIssue({
      code: 'custom',
      input: key,
      path: [preset.workspace ? 'workspace' : 'domain'],
      message: i18n.t('preset.badWorkspace', { key: key || '—' }),
    });
  }),
);

export type Preset = z.infer<typeof presetSchema>;
export type PresetField = keyof Preset;

/** Levels and statuses, as the options page lists them. */
export { STATUSES };

export function emptyPreset(id: string): Preset {
  return {
    id,
    name: '',
    urlPatterns: [],
    todoType: '',
    domain: '',
    workspace: '',
    title: '',
    description: '',
    category: '',
    subCategory: '',
    status: '',
    priority: '',
    impact: '',
    likelihood: '',
  };
}

/** The workspace key the preset sends to, or '' where it keeps the settings' own. */
export function presetWorkspaceKey(preset: Pick<Preset, 'domain' | 'workspace'>): string {
  return preset.domain || preset.workspace ? toDomainWorkSpace(preset.domain, preset.workspace) : '';
}

/** A fresh id: random, so that an imported list never takes the id of one already here. */
export function newPresetId(): string {
  return `p-${crypto.randomUUID()}`;
}

export const presetsItem = defineCheckedList('local:presets', presetSchema, { version: 1 });

/** A preset as the form and the menu use it: whether the organisation set it (locked). */
export interface PresetInForce {
  preset: Preset;
  managed: boolean;
}
