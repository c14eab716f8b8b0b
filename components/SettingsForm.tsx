import { useState } from 'react';
import { browser } from 'wxt/browser';
import { ENVIRONMENT_IDS, ENVIRONMENT_LABELS, endpointsFor, isBzCtrlHost } from '@/lib/bzctrl/environments';
import { domainWorkSpaceSchema } from '@/lib/bzctrl/schema';
import { domainWorkSpaceOf, type Settings } from '@/lib/settings';
import { saveSettings, settingsSchema } from '@/lib/settings-validation';
import { Field } from './Field';
import { useZodForm } from './use-zod-form';

interface SettingsFormProps {
  settings: Settings;
  onSaved(settings: Settings): void;
}

export function SettingsForm({ settings, onSaved }: SettingsFormProps) {
  const form = useZodForm(settingsSchema, settings);
  const { values, field: register, error, handleSubmit, submitting } = form;
  const [status, setStatus] = useState<string>();
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
    <form className="card settings" onSubmit={save} noValidate>
      <h2>BzCtrl connection</h2>
      <Field label="Environment" error={error('environment')}>
        <select {...register('environment')}>
          {ENVIRONMENT_IDS.map((id) => (
            <option key={id} value={id}>
              {ENVIRONMENT_LABELS[id]}
            </option>
          ))}
        </select>
      </Field>
      {values.environment === 'sandbox' && (
        <Field label="Sandbox URL" error={error('sandboxUrl')} hint="Started by npm start or npm run sandbox">
          <input type="url" spellCheck={false} {...register('sandboxUrl')} />
        </Field>
      )}
      {values.environment === 'custom' && (
        <>
          <Field label="Token URL" error={error('customTokenUrl')}>
            <input type="url" spellCheck={false} {...register('customTokenUrl')} />
          </Field>
          <Field label="Add-task URL" error={error('customAddTaskUrl')}>
            <input type="url" spellCheck={false} {...register('customAddTaskUrl')} />
          </Field>
        </>
      )}
      <details>
        <summary>Advanced: client authentication</summary>
        <p className="muted">Only when your BzCtrl administrator gives you a client ID.</p>
        <Field label="Client ID" error={error('clientId')}>
          <input autoComplete="off" spellCheck={false} {...register('clientId')} />
        </Field>
        <Field label="Client secret" error={error('clientSecret')}>
          <input type="password" autoComplete="off" {...register('clientSecret')} />
        </Field>
      </details>
      <div className="row">
        <Field label="Domain" error={error('domain')}>
          <input spellCheck={false} placeholder="IMP-NLD-EXA-SWA" {...register('domain')} />
        </Field>
        <Field label="Workspace" error={error('workspace')} hint="A key, or a pasted BzCtrl URL">
          <input spellCheck={false} placeholder="SWA" {...register('workspace')} />
        </Field>
      </div>
      <p className="muted" aria-live="polite">
        Items go to workspace{' '}
        <output className={workspaceKeyValid ? 'workspace-key' : 'workspace-key invalid'}>
          {workspaceKey || '—'}
        </output>
      </p>
      <Field label="Default type" error={error('defaultType')}>
        <select {...register('defaultType')}>
          <option value="INCIDENT">Incident</option>
          <option value="TASK">Task</option>
        </select>
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={submitting}>
          Save
        </button>
        {status && (
          <span className="message message--ok" role="status">
            {status}
          </span>
        )}
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
