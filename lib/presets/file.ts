/**
 * Presets as a JSON file, to hand to a colleague or keep: exported as
 * `{ "format": "bzctrl-reporter-presets", "version": 1, "presets": [...] }`; a plain list of presets
 * is taken too. A file is taken whole or not at all: one preset that does not pass refuses the file,
 * with which one and why, and nothing is saved.
 */
import { i18n } from '#i18n';
import { emptyPreset, MAX_PRESETS, newPresetId, type Preset, presetSchema } from './preset';

export const PRESET_FILE_FORMAT = 'bzctrl-reporter-presets';
/** Larger than any honest list of presets: a bigger file is not read at all. */
export const MAX_PRESET_FILE_BYTES = 1_000_000;

export function presetsFile(presets: readonly Preset[]): string {
  return `${JSON.stringify({ format: PRESET_FILE_FORMAT, version: 1, presets }, null, 2)}\n`;
}

export type PresetFileResult = { ok: true; presets: Preset[] } | { ok: false; message: string };

/** The presets in a file's text, each checked, or why the file is not a preset list. */
export function readPresetsFile(text: string): PresetFileResult {
  const refuse = (message: string): PresetFileResult => ({ ok: false, message });
  if (text.length > MAX_PRESET_FILE_BYTES) return refuse(i18n.t('preset.fileTooBig'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse(i18n.t('preset.fileNotJson'));
  }
  const list = Array.isArray(data) ? data : (data as { presets?: unknown } | null)?.presets;
  if (!Array.isArray(list)) return refuse(i18n.t('preset.fileNotList'));
  if (list.length === 0) return refuse(i18n.t('preset.fileEmpty'));
  if (list.length > MAX_PRESETS) return refuse(i18n.t('preset.tooMany', { max: String(MAX_PRESETS) }));
  const presets: Preset[] = [];
  for (const [index, entry] of list.entries()) {
    // A preset written by hand may leave out what it does not set, and its id.
    const parsed = presetSchema.safeParse(withDefaults(entry));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const name =
        typeof (entry as { name?: unknown })?.name === 'string' ? (entry as { name: string }).name : '';
      return refuse(
        i18n.t('preset.fileBadEntry', {
          number: String(index + 1),
          name: name || '—',
          problem: `${issue?.path.join('.') || ''}${issue?.path.length ? ': ' : ''}${issue?.message ?? ''}`,
        }),
      );
    }
    // The organisation's ids are theirs, and an id twice in one file is one preset too many.
    const taken =
      parsed.data.id.startsWith('policy-') || presets.some((other) => other.id === parsed.data.id);
    presets.push(taken ? { ...parsed.data, id: newPresetId() } : parsed.data);
  }
  return { ok: true, presets };
}

/** Fields left out are blank; an entry that is not an object stays as it is, to be refused. */
export function withDefaults(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
  const given = entry as Record<string, unknown>;
  // The name is left out: a preset without one is refused, not named ''.
  const { id: _id, name: _name, ...blanks } = emptyPreset('');
  return {
    ...blanks,
    ...given,
    id: typeof given.id === 'string' ? given.id : newPresetId(),
  };
}

/**
 * The user's presets with the imported ones: one with the id of a preset already here replaces it
 * (a file exported, edited and imported again), the others are added after.
 */
export function mergeImported(own: readonly Preset[], imported: readonly Preset[]): Preset[] {
  const byId = new Map(imported.map((preset) => [preset.id, preset]));
  const replaced = own.map((preset) => byId.get(preset.id) ?? preset);
  const added = imported.filter((preset) => !own.some((other) => other.id === preset.id));
  return [...replaced, ...added];
}
