// Over 200 lines: one form whose fields depend on each other (the environment shows its own URLs,
// the domain and workspace make one key, the policy locks or refuses each field); split, each part
// would need all of that again.
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ENVIRONMENT_IDS, endpointsFor, isBzCtrlHost } from '@/lib/bzctrl/environments';
import { domainWorkSpaceSchema } from '@/lib/bzctrl/schema';
import type { RefusedSettings, RefusedValue } from '@/lib/policy';
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
  /** Set by the organisation's policy, but not used: the user's own value is in force. */
  refused: RefusedSettings;
  /** Shown from the start: "Saved." when the form is drawn again after a save. */
  initialStatus?: string | undefined;
  onSaved(settings: Settings): void;
}

/** Each setting's label, for the refused policy values whose field is not on show. */
const FIELD_LABELS = {
  environment: 'settings.environment',
  sandboxUrl: 'settings.sandboxUrl',
  customTokenUrl: 'settings.tokenUrl',
  customAddTaskUrl: 'settings.addTaskUrl',
  clientId: 'settings.clientId',
  clientSecret: 'settings.clientSecret',
  domain: 'settings.domain',
  workspace: 'settings.workspace',
  defaultType: 'settings.defaultType',
  originLine: 'settings.originLine',
} as const satisfies Record<SettingsField, string>;
const SETTINGS_FIELDS = Object.keys(FIELD_LABELS) as SettingsField[];

export function SettingsForm({ settings, locked, refused, initialStatus, onSaved }: SettingsFormProps) {
  const form = useZodForm(settingsSchema(), settings);
  const { values, field: register, error, handleSubmit, submitting } = form;
  const control = (field: SettingsField) => ({ ...register(field), disabled: locked.includes(field) });
  /** The field's hint: the policy's value not used, else "Set by your organisation", else `usual`. */
  const hint = (field: SettingsField, usual?: string) => {
    const refusal = refused[field];
    if (refusal) {
      return (
        <>
          <span className="field__refused">{refusalNote(field, refusal)}</span>
          {usual}
        </>
      );
    }
    return locked.includes(field) ? i18n.t('settings.lockedHint') : usual;
  };
  // The environment's own URLs show only with it.
  const onShow = (field: SettingsField) => {
    if (field === 'sandboxUrl') return values.environment === 'sandbox';
    if (field === 'customTokenUrl' || field === 'customAddTaskUrl') return values.environment === 'custom';
    return true;
  };
  const refusedOffShow = SETTINGS_FIELDS.flatMap((field) => {
    const refusal = refused[field];
    return refusal && !onShow(field) ? [{ field, refusal }] : [];
  });
  const [status, setStatus] = useState<string | undefined>(initialStatus);
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
      <Field label={i18n.t('settings.environment')} error={error('environment')} hint={hint('environment')}>
        <select {...control('environment')}>
          {ENVIRONMENT_IDS.map((id) => (
            <option key={id} value={id}>
              {i18n.t(`environment.${id}`)}
            </option>
          ))}
        </select>
      </Field>
      {onShow('sandboxUrl') && (
        <Field
          label={i18n.t('settings.sandboxUrl')}
          error={error('sandboxUrl')}
          hint={hint('sandboxUrl', i18n.t('settings.sandboxUrlHint'))}
        >
          <input type="url" spellCheck={false} {...control('sandboxUrl')} />
        </Field>
      )}
      {onShow('customTokenUrl') && (
        <>
          <Field
            label={i18n.t('settings.tokenUrl')}
            error={error('customTokenUrl')}
            hint={hint('customTokenUrl')}
          >
            <input type="url" spellCheck={false} {...control('customTokenUrl')} />
          </Field>
          <Field
            label={i18n.t('settings.addTaskUrl')}
            error={error('customAddTaskUrl')}
            hint={hint('customAddTaskUrl')}
          >
            <input type="url" spellCheck={false} {...control('customAddTaskUrl')} />
          </Field>
        </>
      )}
      {refusedOffShow.length > 0 && (
        <div className="policy-refused">
          <p>{i18n.t('policy.refusedElsewhere')}</p>
          <ul>
            {refusedOffShow.map(({ field, refusal }) => (
              <li key={field}>
                <strong>{i18n.t(FIELD_LABELS[field])}</strong>: {refusalNote(field, refusal)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* Open when the organisation's client authentication is not used, so that it shows. */}
      <details open={refused.clientId || refused.clientSecret ? true : undefined}>
        <summary>{i18n.t('settings.advanced')}</summary>
        <p className="muted">{i18n.t('settings.advancedHint')}</p>
        <Field label={i18n.t('settings.clientId')} error={error('clientId')} hint={hint('clientId')}>
          <input autoComplete="off" spellCheck={false} {...control('clientId')} />
        </Field>
        <Field
          label={i18n.t('settings.clientSecret')}
          error={error('clientSecret')}
          hint={hint('clientSecret')}
        >
          <input type="password" autoComplete="off" {...control('clientSecret')} />
        </Field>
      </details>
      <div className="row">
        <Field label={i18n.t('settings.domain')} error={error('domain')} hint={hint('domain')}>
          <input spellCheck={false} placeholder="IMP-NLD-EXA-SWA" {...control('domain')} />
        </Field>
        <Field
          label={i18n.t('settings.workspace')}
          error={error('workspace')}
          hint={hint('workspace', i18n.t('settings.workspaceHint'))}
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
      <Field label={i18n.t('settings.defaultType')} error={error('defaultType')} hint={hint('defaultType')}>
        <select {...control('defaultType')}>
          <option value="INCIDENT">{i18n.t('todoType.INCIDENT')}</option>
          <option value="TASK">{i18n.t('todoType.TASK')}</option>
        </select>
      </Field>
      <Field
        label={i18n.t('settings.originLine')}
        error={error('originLine')}
        hint={hint('originLine', i18n.t('settings.originLineHint'))}
      >
        <select {...control('originLine')}>
          <option value="on">{i18n.t('settings.originLineOn')}</option>
          <option value="off">{i18n.t('settings.originLineOff')}</option>
        </select>
      </Field>
      <div className="actions">
        <SubmitButton busy={submitting}>{i18n.t('action.save')}</SubmitButton>
        <StatusMessage>{status}</StatusMessage>
      </div>
    </form>
  );
}

/** What the organisation set and why the extension does not use it; a secret is not shown. */
function refusalNote(field: SettingsField, { value, reason }: RefusedValue): string {
  if (field === 'clientSecret') return i18n.t('policy.refusedSecret', { reason });
  return i18n.t('policy.refusedValue', { value: policyValueText(value), reason });
}

/** The value as the policy has it, whatever its type, cut short when long. */
function policyValueText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * A sandbox or custom server is not BzCtrl's: ask for access to its origins, so that it needs no
 * CORS headers and the extension can tell a refused connection (safe to send again) from a lost
 * one (lib/background/network-errors.ts). Refusing is fine; the extension then relies on the
 * server's CORS headers, and counts any failed request as one that may have reached it.
 */
async function requestServerAccess(settings: Settings): Promise<void> {
  if (settings.environment !== 'custom' && settings.environment !== 'sandbox') return;
  const { tokenUrl, addTaskUrl } = endpointsFor(settings);
  const origins = [tokenUrl, addTaskUrl]
    .map((url) => new URL(url))
    .filter((url) => !isBzCtrlHost(url.hostname))
    .map((url) => `${url.protocol}//${url.hostname}/*`);
  if (origins.length === 0) return;
  await browser.permissions.request({ origins }).catch(() => false);
}
