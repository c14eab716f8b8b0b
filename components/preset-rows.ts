import { mergeImported } from '@/lib/presets/file';
import type { Preset } from '@/lib/presets/preset';

/** A preset as the options page edits it: its URL patterns as the text of one textarea, a line each. */
export type PresetRow = Omit<Preset, 'urlPatterns'> & {
  /** React's key for the row's fieldset: stays while the row is edited, saved or replaced by an import. */
  key: number;
  urlPatterns: string;
};
/** What the user types or chooses in a row; the id is made once and never shown. */
export type PresetRowField = Exclude<keyof PresetRow, 'key' | 'id'>;

let nextKey = 1;

export function toRow(preset: Preset, key = nextKey++): PresetRow {
  return { ...preset, key, urlPatterns: preset.urlPatterns.join('\n') };
}

/** The preset the row says, not yet checked: blank lines between the patterns are no patterns. */
export function toDraft({ key: _key, urlPatterns, ...fields }: PresetRow): Preset {
  const patterns = urlPatterns
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { ...fields, urlPatterns: patterns };
}

/** A list of presets as one text, the same whatever order its fields were written in. */
export function listText(presets: readonly Preset[]): string {
  return JSON.stringify(
    presets.map((preset) => Object.entries(preset).sort(([a], [b]) => a.localeCompare(b))),
  );
}

/**
 * The rows with the imported presets merged in as `mergeImported` merges them: a row whose preset the
 * file replaces keeps its place and key with the file's values; a row the file leaves alone keeps
 * what was typed in it, even what does not pass yet.
 */
export function withImported(rows: readonly PresetRow[], imported: readonly Preset[]): PresetRow[] {
  const drafts = rows.map(toDraft);
  return mergeImported(drafts, imported).map((preset) => {
    const kept = rows[drafts.indexOf(preset)];
    if (kept) return kept;
    return toRow(preset, rows.find((row) => row.id === preset.id)?.key);
  });
}
