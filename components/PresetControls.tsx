import { useId, useState } from 'react';
import { i18n } from '#i18n';
import type { PresetInForce } from '@/lib/presets/preset';

interface PresetChoiceProps {
  presets: readonly PresetInForce[];
  active: PresetInForce | undefined;
  /** Why the active preset is the one: "Customs hold, for tos.example.com". */
  reason: string | undefined;
  /** A preset's id, or null for none. */
  onChoose(id: string | null): void;
}

const NONE = '';

/**
 * Above the form, where there are presets: which one fills it and why, and a switch to another (or
 * none). Switching never touches what the user typed (lib/presets/apply.ts).
 */
export function PresetChoice({ presets, active, reason, onChoose }: PresetChoiceProps) {
  const id = useId();
  if (presets.length === 0) return null;
  return (
    <div className="preset-bar__line">
      <label htmlFor={`${id}-preset`}>{i18n.t('preset.label')}</label>
      <select
        id={`${id}-preset`}
        value={active?.preset.id ?? NONE}
        aria-describedby={reason ? `${id}-reason` : undefined}
        onChange={(event) => onChoose(event.target.value === NONE ? null : event.target.value)}
      >
        <option value={NONE}>{i18n.t('preset.none')}</option>
        {presets.map(({ preset, managed }) => (
          <option key={preset.id} value={preset.id}>
            {managed ? i18n.t('preset.managedName', { name: preset.name }) : preset.name}
          </option>
        ))}
      </select>
      {reason && (
        <span id={`${id}-reason`} className="muted">
          {reason}
        </span>
      )}
    </div>
  );
}

interface PresetActionsProps {
  /** Where the item goes: the active preset's workspace, else the settings' one. */
  workspaceKey: string;
  /** Saves the form as a preset of this name; says what it did. Left out where there is no page. */
  onSaveAsPreset?: ((name: string) => Promise<{ ok: boolean; message: string }>) | undefined;
}

/** Beside the form's buttons: where the item goes, always shown, and "Save as preset". */
export function PresetActions({ workspaceKey, onSaveAsPreset }: PresetActionsProps) {
  const id = useId();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string }>();
  const save = async () => {
    if (!onSaveAsPreset || !name.trim()) return;
    const result = await onSaveAsPreset(name.trim());
    setStatus(result);
    // Refused: the name stays, to try again once the form is right.
    if (!result.ok) return;
    setNaming(false);
    setName('');
  };
  return (
    <>
      {onSaveAsPreset && !naming && (
        <button
          type="button"
          className="link-button"
          title={i18n.t('preset.saveAsPresetTitle')}
          onClick={() => setNaming(true)}
        >
          {i18n.t('preset.saveAsPreset')}
        </button>
      )}
      <span className="muted preset-bar__goes-to" title={i18n.t('form.workspace')}>
        {i18n.t('preset.goesTo', { key: workspaceKey })}
      </span>
      {naming && (
        <div className="preset-bar__line preset-bar__naming">
          <label htmlFor={`${id}-name`}>{i18n.t('preset.newName')}</label>
          <input
            id={`${id}-name`}
            // biome-ignore lint/a11y/noAutofocus: shown by the user's click, to be typed in at once
            autoFocus
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              // Enter saves the name, not the report; Ctrl+Enter still sends the report.
              if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                event.preventDefault();
                void save();
              }
            }}
          />
          <button type="button" disabled={!name.trim()} onClick={() => void save()}>
            {i18n.t('action.save')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {i18n.t('preset.cancel')}
          </button>
        </div>
      )}
      {/*
        Always there (empty until it says something), so that what it says is read out; a live
        region of its own, not a second role="status" beside the popup's one.
      */}
      <p
        className={`preset-bar__status ${status ? `message ${status.ok ? 'message--ok' : 'message--error'}` : ''}`}
        aria-live="polite"
      >
        {status?.message}
      </p>
    </>
  );
}
