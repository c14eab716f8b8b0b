import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { HistoryList } from '@/components/HistoryList';
import { PresetsForm } from '@/components/PresetsForm';
import { SetAsideList } from '@/components/SetAsideList';
import { SettingsForm } from '@/components/SettingsForm';
import { Shortcuts } from '@/components/Shortcuts';
import { SignInForm } from '@/components/SignInForm';
import { SiteRulesForm } from '@/components/SiteRulesForm';
import { useAccount } from '@/components/use-account';
import { useFocusAfterRender } from '@/components/use-focus-after-render';
import { sendMessage } from '@/lib/messages';
import type { RefusedSettings } from '@/lib/policy';
import { lastEmailItem, loadSettingsAndLocks, type Settings, type SettingsField } from '@/lib/settings';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>();
  const [locked, setLocked] = useState<SettingsField[]>([]);
  const [refused, setRefused] = useState<RefusedSettings>({});
  // A new key draws the settings form afresh, with what the policy now locks or refuses.
  const [settingsFormKey, setSettingsFormKey] = useState(0);
  const [savedStatus, setSavedStatus] = useState<string>();
  const [account, setAccount] = useAccount(settings);
  const [lastEmail, setLastEmail] = useState('');
  const main = useRef<HTMLElement>(null);
  // Signing in here replaces the sign-in form, which had the focus: it goes to Sign out.
  const focusAfterRender = useFocusAfterRender(main);
  // The page opens at its top, not in the middle at the sign-in form; after Sign out the focus,
  // which was on that button, goes to the sign-in form that replaces it.
  const [focusSignIn, setFocusSignIn] = useState(false);

  useEffect(() => {
    void (async () => {
      const { settings: loaded, locked: byPolicy, refused: notUsed } = await loadSettingsAndLocks();
      setSettings(loaded);
      setLocked(byPolicy);
      setRefused(notUsed);
      setLastEmail(await lastEmailItem.getValue());
    })();
  }, []);

  if (!settings) return <main className="loading" aria-busy="true" />;
  const environmentLabel = i18n.t(`environment.${settings.environment}`);

  return (
    <main ref={main}>
      <h1>BzCtrl Reporter</h1>
      <SettingsForm
        key={settingsFormKey}
        settings={settings}
        locked={locked}
        refused={refused}
        initialStatus={savedStatus}
        onSaved={() => {
          void (async () => {
            // Which policy values hold depends on the user's own (a policy domain makes a key with
            // the user's workspace): what was just saved may change that.
            const next = await loadSettingsAndLocks();
            if (JSON.stringify([next.locked, next.refused]) !== JSON.stringify([locked, refused])) {
              setSavedStatus(i18n.t('settings.saved'));
              setSettingsFormKey((key) => key + 1);
            }
            setSettings(next.settings);
            setLocked(next.locked);
            setRefused(next.refused);
          })();
        }}
      />
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{i18n.t('account.heading')}</h2>
        {account ? (
          <div className="actions">
            <p id="signed-in-as">
              {i18n.t('account.signedInAs', { email: account.email, environment: environmentLabel })}
            </p>
            <button
              type="button"
              data-focus="sign-out"
              aria-describedby="signed-in-as"
              onClick={() => {
                setFocusSignIn(true);
                void sendMessage('signOut', undefined);
              }}
            >
              {i18n.t('account.signOut')}
            </button>
          </div>
        ) : (
          <SignInForm
            initialEmail={lastEmail}
            environmentLabel={environmentLabel}
            autoFocus={focusSignIn}
            onSignedIn={(signedIn) => {
              setAccount(signedIn);
              focusAfterRender('[data-focus="sign-out"]');
            }}
          />
        )}
      </section>
      <SiteRulesForm />
      <PresetsForm />
      <section className="card">
        <HistoryList />
      </section>
      <Shortcuts />
      <SetAsideList />
    </main>
  );
}
