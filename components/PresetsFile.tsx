import { useState } from 'react';
import { i18n } from '#i18n';
import { MAX_PRESET_FILE_BYTES, presetsFile, readPresetsFile } from '@/lib/presets/file';
import type { Preset } from '@/lib/presets/preset';
import { Field } from './Field';

export const PRESETS_FILE_NAME = 'bzctrl-presets.json';

interface PresetsFileProps {
  /** The presets as saved: what is exported (rows being edited may not pass yet). */
  saved: readonly Preset[];
  /** Takes a file's presets; says why not when it does not (too many with the ones here). */
  onImport: (presets: Preset[]) => string | undefined;
}

/** Presets to and from a JSON file: to hand to a colleague, or keep. */
export function PresetsFile({ saved, onImport }: PresetsFileProps) {
  const [error, setError] = useState<string>();

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setError(undefined);
    // A file far larger than any list of presets is not read into memory at all.
    const result =
      file.size > MAX_PRESET_FILE_BYTES
        ? { ok: false as const, message: i18n.t('preset.fileTooBig') }
        : readPresetsFile(await file.text());
    // Emptied, so that the same file, corrected, can be chosen again.
    input.value = '';
    setError(result.ok ? onImport(result.presets) : result.message);
  }

  return (
    <div className="presets-file">
      <div className="actions">
        <button type="button" disabled={saved.length === 0} onClick={() => download(presetsFile(saved))}>
          {i18n.t('presetsPage.export')}
        </button>
      </div>
      <Field label={i18n.t('presetsPage.import')} error={error} hint={i18n.t('presetsPage.importHint')}>
        <input
          type="file"
          accept="application/json,.json"
          onChange={(event) => void importFile(event.currentTarget)}
        />
      </Field>
    </div>
  );
}

/** Saves the text as the presets file, through the browser's own download. */
function download(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = PRESETS_FILE_NAME;
  // In the document: Firefox downloads only from a link that is.
  document.body.append(link);
  link.click();
  link.remove();
  // Later, not at once: Firefox may still be reading the object URL when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
