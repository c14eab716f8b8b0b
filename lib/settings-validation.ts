/** Settings as the options page saves them: a bad URL or workspace is refused with a message. */

import { z } from 'zod/mini';
import { i18n } from '#i18n';
import { isAllowedServerUrl } from './bzctrl/environments';
import { domainWorkSpaceSchema, toDomainWorkSpace } from './bzctrl/schema';
import { firstMessagePerField } from './field-errors';
import {
  type Settings,
  type SettingsField,
  serverUrlMessage,
  settingsFields,
  settingsItem,
} from './settings';

/**
 * Made on first use, because settings.ts checks the policy with this schema (lib/policy.ts): this
 * module may then run before settings.ts has defined settingsFields.
 */
export function settingsSchema() {
  checkedSettings ??= checkSettings();
  return checkedSettings;
}
let checkedSettings: ReturnType<typeof checkSettings> | undefined;

function checkSettings() {
  return settingsFields.check(
    z.superRefine((settings, ctx) => {
      if (settings.environment === 'custom') {
        for (const [key, what] of [
          ['customTokenUrl', i18n.t('settings.tokenUrl')],
          ['customAddTaskUrl', i18n.t('settings.addTaskUrl')],
        ] as const) {
          if (!isAllowedServerUrl(settings[key])) {
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: serverUrlMessage(what),
            });
          }
        }
      }
      if (settings.domain || settings.workspace) {
        const key = toDomainWorkSpace(settings.domain, settings.workspace);
        if (!domainWorkSpaceSchema.safeParse(key).success) {
          ctx.addIssue({
            code: 'custom',
            path: [settings.domain ? 'domain' : 'workspace'],
            message: i18n.t('settings.notAKey', { key }),
          });
        }
      }
    }),
  );
}

export type SettingsResult =
  | { ok: true; settings: Settings }
  | { ok: false; fieldErrors: Partial<Record<SettingsField, string>> };

export async function saveSettings(candidate: Settings): Promise<SettingsResult> {
  const parsed = settingsSchema().safeParse(candidate);
  if (!parsed.success) return { ok: false, fieldErrors: firstMessagePerField<SettingsField>(parsed.error) };
  await settingsItem.setValue(parsed.data);
  return { ok: true, settings: parsed.data };
}
