import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { ENVIRONMENT_IDS, ENVIRONMENT_LABELS, endpointsFor, isBzCtrlHost } from '@/lib/bzctrl/environments';
import { domainWorkSpaceSchema } from '@/lib/bzctrl/schema';
import { domainWorkSpaceOf, type Settings, type SettingsField } from '@/lib/settings';
import { saveSettings, settingsSchema } from '@/lib/settings-validation';
import { Field } from './Field';
import { SUBMIT_SHORTCUTS, submitOnCtrlEnter } from './submit-shortcut';
import { useZodForm } from './use-zod-form';

interface SettingsFormProps {
  settings: Settings;
  /** Set by the organisation's policy: shown, not editable. */
  locked: SettingsField[];
  onSaved(settings: Settings): void;
}

export function SettingsForm({ settings, locked, onSaved }: SettingsFormProps) {
  const form = useZodForm(settingsSchema, settings);
  const { values, field: register, error, handleSubmit, submitting } = form;
  const control = (field: SettingsField) => ({ ...register(field), disabled: locked.includes(field) });
  const lockedHint = (field: SettingsField) =>
    locked.includes(field) ? 'Set by your organisation' : undefined;
  const [status, setStatus] = useState<string>();
  const headingId = useId();
  const workspaceKey = domainWorkSpaceOf(values);
  const workspaceKeyValid = domainWorkSpaceSchema.safeParse(workspaceKey).success;

  const save = handleSubmit(async (candidate) => {
    setStatus(undefined);
    // Asked on this click, while the browser still counts it as the user's gesture.
    await requestServerAccess(candidate);
    const result = await saveSettings(candidate);
    if (result.ok) {
      setStatus('Saved.');
      onSaved(result.settings);
      return;
    }
    form.setServerErrors(result.fieldErrors);
  });

  return (
    <form
      className="card settings"
      onSubmit={save}
      onKeyDown={submitOnCtrlEnter}
      noValidate
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>BzCtrl connection</h2>
      <Field label="Environment" error={error('environment')} hint={lockedHint('environment')}>
        <select {...control('environment')}>
          {ENVIRONMENT_IDS.map((id) => (
            <option key={id} value={id}>
              {ENVIRONMENT_LABELS[id]}
            </option>
          ))}
        </select>
      </Field>
      {values.environment === 'sandbox' && (
        <Field
          label="Sandbox URL"
          error={error('sandboxUrl')}
          hint={lockedHint('sandboxUrl') ?? 'Started by npm start or npm run sandbox'}
        >
          <input type="url" spellCheck={false} {...control('sandboxUrl')} />
        </Field>
      )}
      {values.environment === 'custom' && (
        <>
          <Field label="Token URL" error={error('customTokenUrl')} hint={lockedHint('customTokenUrl')}>
            <input type="url" spellCheck={false} {...control('customTokenUrl')} />
          </Field>
          <Field label="Add-task URL" error={error('customAddTaskUrl')} hint={lockedHint('customAddTaskUrl')}>
            <input type="url" spellCheck={false} {...control('customAddTaskUrl')} />
          </Field>
        </>
      )}
      <details>
        <summary>Advanced: client authentication</summary>
        <p className="muted">Only when your BzCtrl administrator gives you a client ID.</p>
        <Field label="Client ID" error={error('clientId')} hint={lockedHint('clientId')}>
          <input autoComplete="off" spellCheck={false} {...control('clientId')} />
        </Field>
        <Field label="Client secret" error={error('clientSecret')} hint={lockedHint('clientSecret')}>
          <input type="password" autoComplete="off" {...control('clientSecret')} />
        </Field>
      </details>
      <div className="row">
        <Field label="Domain" error={error('domain')} hint={lockedHint('domain')}>
          <input spellCheck={false} placeholder="IMP-NLD-EXA-SWA" {...control('domain')} />
        </Field>
        <Field
          label="Workspace"
          error={error('workspace')}
          hint={lockedHint('workspace') ?? 'A key, or a pasted BzCtrl URL'}
        >
          <input spellCheck={false} placeholder="SWA" {...control('workspace')} />
        </Field>
      </div>
      {/* The output is the live region (its role is status): the key is read out as it changes. */}
      <p className="muted">
        Items go to workspace{' '}
        <output className={workspaceKeyValid ? 'workspace-key' : 'workspace-key invalid'}>
          {workspaceKey || '—'}
          {/* Said in words, not by its colour alone. */}
          {workspaceKey && !workspaceKeyValid && (
            <span className="workspace-key__problem"> (not a valid key)</span>
          )}
        </output>
      </p>
      <Field label="Default type" error={error('defaultType')} hint={lockedHint('defaultType')}>
        <select {...control('defaultType')}>
          <option value="INCIDENT">Incident</option>
          <option value="TASK">Task</option>
        </select>
      </Field>
      <div className="actions">
        {/* Not `disabled` while saving: a disabled button drops the keyboard focus. */}
        <button
          type="submit"
          className="primary"
          aria-disabled={submitting || undefined}
          aria-keyshortcuts={SUBMIT_SHORTCUTS}
        >
          Save
        </button>
        {/* Always there, so that "Saved." is announced when it comes. */}
        <span className={status ? 'message message--ok' : undefined} role="status">
          {status}
        </span>
      </div>
    </form>
  );
}

/**
 * A custom server that is not BzCtrl's may lack CORS headers: ask for access to its origins.
 * Refusing is fine; the extension then relies on the server's CORS headers.
 */
async function requestServerAccess(settings: Settings): Promise<void> {
  if (settings.environment !== 'custom') return;
  const { tokenUrl, addTaskUrl } = endpointsFor(settings);
  const origins = [tokenUrl, addTaskUrl]
    .map((url) => new URL(url))
    .filter((url) => !isBzCtrlHost(url.hostname))
    .map((url) => `${url.protocol}//${url.hostname}/*`);
  if (origins.length === 0) return;
  await browser.permissions.request({ origins }).catch(() => false);
}
