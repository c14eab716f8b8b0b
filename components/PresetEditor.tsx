import { i18n } from '#i18n';
import { domainWorkSpaceSchema, LEVELS, STATUSES, TODO_TYPES } from '@/lib/bzctrl/schema';
import { type PresetField, presetWorkspaceKey } from '@/lib/presets/preset';
import { PLACEHOLDERS } from '@/lib/presets/templates';
import { Field } from './Field';
import type { PresetRow, PresetRowField } from './preset-rows';

export type PresetErrors = Partial<Record<PresetField, string>>;

interface PresetEditorProps {
  row: PresetRow;
  /** Its place in the list, from 1: names a preset that has no name yet. */
  number: number;
  errors: PresetErrors | undefined;
  onEdit: <F extends PresetRowField>(field: F, value: PresetRow[F]) => void;
  onRemove: () => void;
}

const LEVEL_FIELDS = ['priority', 'impact', 'likelihood'] as const;
/** The fields typed as free text (the others are chosen from a list). */
type TextField =
  | 'name'
  | 'urlPatterns'
  | 'domain'
  | 'workspace'
  | 'title'
  | 'description'
  | 'category'
  | 'subCategory';

/** One of the user's presets, every part of it editable, each error under its field. */
export function PresetEditor({ row, number, errors, onEdit, onRemove }: PresetEditorProps) {
  const legend = row.name.trim() || i18n.t('presetsPage.preset', { number: String(number) });
  const text = (field: TextField) => ({
    value: row[field],
    onChange: (event: { target: { value: string } }) => onEdit(field, event.target.value),
  });
  return (
    <fieldset className="rule preset" data-preset-key={row.key}>
      <legend>{legend}</legend>
      <Field label={i18n.t('presetsPage.name')} error={errors?.name}>
        <input {...text('name')} />
      </Field>
      <Field
        label={i18n.t('presetsPage.pages')}
        error={errors?.urlPatterns}
        hint={i18n.t('presetsPage.pagesHint')}
      >
        <textarea rows={2} spellCheck={false} {...text('urlPatterns')} />
      </Field>
      <div className="row">
        <Field label={i18n.t('form.type')} error={errors?.todoType}>
          <Choice
            value={row.todoType}
            options={TODO_TYPES}
            blank={i18n.t('settings.defaultType')}
            label={(type) => i18n.t(`todoType.${type}`)}
            onChange={(value) => onEdit('todoType', value)}
          />
        </Field>
        <Field label={i18n.t('form.status')} error={errors?.status}>
          <Choice
            value={row.status}
            options={STATUSES}
            blank={i18n.t('level.notSet')}
            label={(status) => i18n.t(`status.${status}`)}
            onChange={(value) => onEdit('status', value)}
          />
        </Field>
      </div>
      <div className="row">
        <Field label={i18n.t('settings.domain')} error={errors?.domain}>
          <input spellCheck={false} {...text('domain')} />
        </Field>
        <Field label={i18n.t('settings.workspace')} error={errors?.workspace}>
          <input spellCheck={false} {...text('workspace')} />
        </Field>
      </div>
      <WorkspaceKey row={row} />
      <Field
        label={i18n.t('presetsPage.titleTemplate')}
        error={errors?.title}
        hint={i18n.t('presetsPage.placeholders', {
          list: PLACEHOLDERS.map((name) => `{${name}}`).join(' '),
        })}
      >
        <input {...text('title')} />
      </Field>
      <Field label={i18n.t('presetsPage.descriptionTemplate')} error={errors?.description}>
        <textarea rows={3} {...text('description')} />
      </Field>
      <div className="row">
        <Field label={i18n.t('form.category')} error={errors?.category}>
          <input {...text('category')} />
        </Field>
        <Field label={i18n.t('form.subCategory')} error={errors?.subCategory}>
          <input {...text('subCategory')} />
        </Field>
      </div>
      <div className="row row--3">
        {LEVEL_FIELDS.map((field) => (
          <Field key={field} label={i18n.t(`form.${field}`)} error={errors?.[field]}>
            <Choice
              value={row[field]}
              options={LEVELS}
              blank={i18n.t('level.notSet')}
              label={(level) => i18n.t(`level.${level}`)}
              onChange={(value) => onEdit(field, value)}
            />
          </Field>
        ))}
      </div>
      <button type="button" onClick={onRemove}>
        {i18n.t('presetsPage.remove', { preset: legend })}
      </button>
    </fieldset>
  );
}

/** Where the preset's items go, as the form will send them; said as it is typed. */
function WorkspaceKey({ row }: { row: PresetRow }) {
  const key = presetWorkspaceKey(row);
  const valid = !key || domainWorkSpaceSchema.safeParse(key).success;
  return (
    <p className="muted">
      {/* The output is the live region (its role is status): the key is read out as it changes. */}
      <output>
        {key ? i18n.t('preset.goesTo', { key }) : i18n.t('presetsPage.goesToSettings')}
        {/* Said in words, not by its colour alone. */}
        {!valid && <span className="field__error">{i18n.t('settings.invalidKey')}</span>}
      </output>
    </p>
  );
}

interface ChoiceProps<T extends string> {
  value: T | '';
  options: readonly T[];
  /** What the blank choice says: the form keeps its own value. */
  blank: string;
  label: (option: T) => string;
  onChange: (value: T | '') => void;
  /** Given by Field: the label's id, and the error and hint that describe the select. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A select of fixed options and a blank one, giving back only those (no cast from the DOM's text). */
function Choice<T extends string>({ value, options, blank, label, onChange, ...described }: ChoiceProps<T>) {
  return (
    <select
      {...described}
      value={value}
      onChange={(event) => onChange(options.find((option) => option === event.target.value) ?? '')}
    >
      <option value="">{blank}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {label(option)}
        </option>
      ))}
    </select>
  );
}
