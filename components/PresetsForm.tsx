// Import puts the file's presets in the editor, unsaved: they are checked and saved with "Save presets",
// like every other change here, so that a file can be looked over (and a wrong one left) before it counts.
import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { firstMessagePerField } from '@/lib/field-errors';
import { policyPresets, type RefusedPreset } from '@/lib/presets/policy';
import {
  emptyPreset,
  MAX_PRESETS,
  newPresetId,
  type Preset,
  type PresetField,
  presetSchema,
  presetsItem,
} from '@/lib/presets/preset';
import { readPolicy } from '@/lib/settings';
import { ManagedPresets } from './ManagedPresets';
import { PresetEditor, type PresetErrors } from './PresetEditor';
import { PresetsFile } from './PresetsFile';
import { listText, type PresetRow, type PresetRowField, toDraft, toRow, withImported } from './preset-rows';
import { StatusMessage } from './StatusMessage';
import { useFocusAfterRender } from './use-focus-after-render';
import { type ListRows, useStoredListEditor } from './use-stored-list-editor';

const PRESET_ROWS: ListRows<Preset, PresetRow> = {
  item: presetsItem,
  toRows: (list) => list.map((preset) => toRow(preset)),
  textOfList: listText,
  textOfRows: (rows) => listText(rows.map(toDraft)),
};

/**
 * The user's presets, edited as a whole and saved together; the organisation's shown beside them,
 * locked. A preset saved elsewhere (the popup's "Save as preset") shows up here, unless it would
 * replace unsaved edits.
 */
export function PresetsForm() {
  const [errors, setErrors] = useState<Record<number, PresetErrors>>({});
  const {
    rows,
    setRows,
    rowsNow,
    saved,
    changedElsewhere,
    save: saveList,
  } = useStoredListEditor(PRESET_ROWS, () => setErrors({}));
  const [status, setStatus] = useState<string>();
  const [managed, setManaged] = useState<{ presets: Preset[]; refused: RefusedPreset[] }>({
    presets: [],
    refused: [],
  });
  const section = useRef<HTMLElement>(null);
  // Where the keyboard focus goes once the rows are drawn: a preset added or removed, a save refused.
  const setFocusAfterRender = useFocusAfterRender(section);

  useEffect(() => {
    void readPolicy().then((policy) => setManaged(policyPresets(policy)));
  }, []);
  if (!rows) return null;

  function edit<F extends PresetRowField>(key: number, field: F, value: PresetRow[F]) {
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
    // The workspace error is about the domain and workspace together: either edit may mend it.
    const mended: PresetField[] =
      field === 'domain' || field === 'workspace' ? ['domain', 'workspace'] : [field];
    setErrors((current) => ({
      ...current,
      [key]: { ...current[key], ...Object.fromEntries(mended.map((name) => [name, undefined])) },
    }));
    setStatus(undefined);
  }

  async function save() {
    if (!rows) return;
    setStatus(undefined); // emptied first, so that saving again is announced again
    const results = rows.map((row) => presetSchema.safeParse(toDraft(row)));
    setErrors(
      Object.fromEntries(
        rows.map((row, index) => [row.key, firstMessagePerField<PresetField>(results[index]?.error)]),
      ),
    );
    const parsed = results.flatMap((result) => (result.success ? [result.data] : []));
    if (parsed.length < rows.length) {
      // Nothing is saved, and every row keeps what was typed in it.
      setFocusAfterRender('fieldset [aria-invalid="true"]');
      return;
    }
    // Not in the middle of a popup's Save as preset (lib/presets/from-form.ts): under the list's lock.
    await saveList(parsed);
    // The rows show what was saved (trimmed), unless typing went on meanwhile.
    setRows((current) =>
      current === rows ? parsed.map((preset, index) => toRow(preset, rows[index]?.key)) : current,
    );
    setStatus(i18n.t('presetsPage.saved'));
  }

  function importPresets(imported: Preset[]): string | undefined {
    // The rows as they are now: the file was read after a wait, and typing may have gone on.
    const current = rowsNow() ?? [];
    const merged = withImported(current, imported);
    if (merged.length > MAX_PRESETS) return i18n.t('preset.tooMany', { max: String(MAX_PRESETS) });
    setRows(merged);
    // A replaced row's errors were about values that are no longer there.
    const replaced = merged.filter((row) => !current.includes(row)).map((row) => row.key);
    setErrors((found) =>
      Object.fromEntries(Object.entries(found).filter(([key]) => !replaced.includes(Number(key)))),
    );
    setStatus(
      imported.length === 1
        ? i18n.t('presetsPage.importedOne')
        : i18n.t('presetsPage.imported', { count: String(imported.length) }),
    );
    return undefined;
  }

  return (
    <section className="card" aria-labelledby="presets-heading" ref={section}>
      <h2 id="presets-heading">{i18n.t('presetsPage.heading')}</h2>
      <p className="muted">{i18n.t('presetsPage.intro')}</p>
      <ManagedPresets presets={managed.presets} refused={managed.refused} />
      {changedElsewhere && (
        <p className="message message--warning">{i18n.t('presetsPage.changedElsewhere')}</p>
      )}
      {rows.map((row, index) => (
        <PresetEditor
          key={row.key}
          row={row}
          number={index + 1}
          errors={errors[row.key]}
          onEdit={(field, value) => edit(row.key, field, value)}
          onRemove={() => {
            setRows(rows.filter((other) => other.key !== row.key));
            setStatus(undefined);
            // The button goes with its preset: the focus goes to Add preset rather than nowhere.
            setFocusAfterRender('[data-focus="add-preset"]');
          }}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          data-focus="add-preset"
          disabled={rows.length >= MAX_PRESETS}
          onClick={() => {
            const row = toRow(emptyPreset(newPresetId()));
            setRows([...rows, row]);
            setStatus(undefined);
            // Typing starts in the new preset's name.
            setFocusAfterRender(`[data-preset-key="${row.key}"] input`);
          }}
        >
          {i18n.t('presetsPage.add')}
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          {i18n.t('presetsPage.save')}
        </button>
        <StatusMessage>{status}</StatusMessage>
      </div>
      <PresetsFile saved={saved} onImport={importPresets} />
    </section>
  );
}
