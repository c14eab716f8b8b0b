import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ENVIRONMENT_IDS, endpointsFor, isBzCtrlHost } from '@/lib/bzctrl/environments';
import { domainWorkSpaceSchema } from '@/lib/bzctrl/schema';
import { domainWorkSpaceOf, type Settings, type SettingsField } from '@/lib/settings';
import { saveSettings, settingsSchema } from '@/lib/settings-validation';
import { Field } from './Field';
import { StatusMessage } from './StatusMessage';
import { SubmitButton } from './SubmitButton';
import { submitOnCtrlEnter } from './submit-shortcut';
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
    locked.includes(field) ? i18n.t('settings.lockedHint') : undefined;
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
      setStatus(i18n.t('settings.saved'));
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
      <h2 id={headingId}>{i18n.t('settings.heading')}</h2>
      <Field
        label={i18n.t('settings.environment')}
        error={error('environment')}
        hint={lockedHint('environment')}
      >
        <select {...control('environment')}>
          {ENVIRONMENT_IDS.map((id) => (
            <option key={id} value={id}>
              {i18n.t(`environment.${id}`)}
            </option>
          ))}
        </select>
      </Field>
      {values.environment === 'sandbox' && (
        <Field
          label={i18n.t('settings.sandboxUrl')}
          error={error('sandboxUrl')}
          hint={lockedHint('sandboxUrl') ?? i18n.t('settings.sandboxUrlHint')}
        >
          <input type="url" spellCheck={false} {...control('sandboxUrl')} />
        </Field>
      )}
      {values.environment === 'custom' && (
        <>
          <Field
            label={i18n.t('settings.tokenUrl')}
            error={error('customTokenUrl')}
            hint={lockedHint('customTokenUrl')}
          >
            <input type="url" spellCheck={false} {...control('customTokenUrl')} />
          </Field>
          <Field
            label={i18n.t('settings.addTaskUrl')}
            error={error('customAddTaskUrl')}
            hint={lockedHint('customAddTaskUrl')}
          >
            <input type="url" spellCheck={false} {...control('customAddTaskUrl')} />
          </Field>
        </>
      )}
      <details>
        <summary>{i18n.t('settings.advanced')}</summary>
        <p className="muted">{i18n.t('settings.advancedHint')}</p>
        <Field label={i18n.t('settings.clientId')} error={error('clientId')} hint={lockedHint('clientId')}>
          <input autoComplete="off" spellCheck={false} {...control('clientId')} />
        </Field>
        <Field
          label={i18n.t('settings.clientSecret')}
          error={error('clientSecret')}
          hint={lockedHint('clientSecret')}
        >
          <input type="password" autoComplete="off" {...control('clientSecret')} />
        </Field>
      </details>
      <div className="row">
        <Field label={i18n.t('settings.domain')} error={error('domain')} hint={lockedHint('domain')}>
          <input spellCheck={false} placeholder="IMP-NLD-EXA-SWA" {...control('domain')} />
        </Field>
        <Field
          label={i18n.t('settings.workspace')}
          error={error('workspace')}
          hint={lockedHint('workspace') ?? i18n.t('settings.workspaceHint')}
        >
          <input spellCheck={false} placeholder="SWA" {...control('workspace')} />
        </Field>
      </div>
      {/* The output is the live region (its role is status): the key is read out as it changes. */}
      <p className="muted">
        {i18n.t('settings.itemsGoTo')}{' '}
        <output className={workspaceKeyValid ? 'workspace-key' : 'workspace-key invalid'}>
          {workspaceKey || '—'}
          {/* Said in words, not by its colour alone. */}
          {workspaceKey && !workspaceKeyValid && (
            <span className="workspace-key__problem">{i18n.t('settings.invalidKey')}</span>
          )}
        </output>
      </p>
      <Field
        label={i18n.t('settings.defaultType')}
        error={error('defaultType')}
        hint={lockedHint('defaultType')}
      >
        <select {...control('defaultType')}>
          <option value="INCIDENT">{i18n.t('todoType.INCIDENT')}</option>
          <option value="TASK">{i18n.t('todoType.TASK')}</option>
        </select>
      </Field>
      <div className="actions">
        <SubmitButton busy={submitting}>{i18n.t('action.save')}</SubmitButton>
        <StatusMessage>{status}</StatusMessage>
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
