/**
 * "Save as preset" in the popup: the form as it stands becomes a preset for this site. The service
 * order and LRN in the title and description become their placeholders, so that the preset fits the
 * next order; the origin line is left out (the setting adds it anew); the workspace is the one in force.
 */

import { i18n } from '#i18n';
import type { ReportForm } from '../bzctrl/report-form';
import { exclusively } from '../stored';
import { originLine, type PageOrigin } from './apply';
import { MAX_PRESETS, newPresetId, type Preset, presetSchema, presetsItem } from './preset';

/** Shorter values are too likely to stand in ordinary words or numbers to be replaced. */
const MIN_REPLACED_LENGTH = 3;

export function presetFromForm(
  name: string,
  values: ReportForm,
  page: PageOrigin,
  workspace: Pick<Preset, 'domain' | 'workspace'>,
): Preset {
  const withPlaceholders = (text: string) => {
    let result = text;
    for (const [value, placeholder] of [
      [values.orderID.trim(), '{serviceOrder}'],
      [values.lrn.trim(), '{lrn}'],
    ] as const) {
      if (value.length >= MIN_REPLACED_LENGTH) result = result.split(value).join(placeholder);
    }
    return result;
  };
  const origin = originLine(page);
  const description = values.description.replace(origin, '').trimEnd();
  return {
    id: newPresetId(),
    name: name.trim(),
    // The site, on any port and path: the same system wherever it is served from.
    urlPatterns: [new URL(page.url).hostname],
    todoType: values.todoType,
    domain: workspace.domain,
    workspace: workspace.workspace,
    title: withPlaceholders(values.title),
    description: withPlaceholders(description),
    category: values.category.trim(),
    subCategory: values.subCategory.trim(),
    status: values.status,
    priority: values.priority,
    impact: values.todoType === 'INCIDENT' ? values.impact : '',
    likelihood: values.todoType === 'INCIDENT' ? values.likelihood : '',
  };
}

/**
 * Saves it first among the user's presets, so that it is the one chosen on this site next time
 * (the organisation's still come before). The message of the first problem when it does not pass.
 */
export async function saveAsPreset(preset: Preset): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = presetSchema.safeParse(preset);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '' };
  // Read and written in one exclusive change: another popup's Save as preset, or the options
  // page's Save, waits for it.
  return exclusively(presetsItem.key, async () => {
    const own = await presetsItem.getValue();
    if (own.length >= MAX_PRESETS) {
      return { ok: false as const, message: i18n.t('preset.tooMany', { max: String(MAX_PRESETS) }) };
    }
    await presetsItem.setValue([parsed.data, ...own]);
    return { ok: true as const };
  });
}
