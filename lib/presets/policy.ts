/**
 * Presets set by the organisation's policy (`presets` in storage.managed, public/managed_schema.json),
 * checked as the options page checks the user's: one it would refuse is not used, and is reported
 * with the options page's message. Their ids come from their place in the list, so that a menu item
 * or a draft names the same preset as long as the policy does not reorder them.
 */
import { i18n } from '#i18n';
import { withDefaults } from './file';
import { policyPresetId } from './ids';
import type { Preset } from './preset';
import { presetSchema } from './preset';

export interface RefusedPreset {
  value: unknown;
  reasons: string[];
}

export function policyPresets(policy: Record<string, unknown>): {
  presets: Preset[];
  refused: RefusedPreset[];
} {
  const entries = policy.presets;
  if (entries === undefined) return { presets: [], refused: [] };
  if (!Array.isArray(entries))
    return { presets: [], refused: [{ value: entries, reasons: [i18n.t('preset.fileNotList')] }] };
  const presets: Preset[] = [];
  const refused: RefusedPreset[] = [];
  entries.forEach((value, index) => {
    const entry = withDefaults(value);
    const parsed = presetSchema.safeParse(
      typeof entry === 'object' && entry !== null ? { ...entry, id: policyPresetId(value, index) } : entry,
    );
    if (parsed.success) presets.push(parsed.data);
    else
      refused.push({
        value,
        reasons: parsed.error.issues.map((issue) =>
          issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
        ),
      });
  });
  return { presets, refused };
}
