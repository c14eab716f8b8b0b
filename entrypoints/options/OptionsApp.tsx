import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { HistoryList } from '@/components/HistoryList';
import { SetAsideList } from '@/components/SetAsideList';
import { SettingsForm } from '@/components/SettingsForm';
import { Shortcuts } from '@/components/Shortcuts';
import { SignInForm } from '@/components/SignInForm';
import { SiteRulesForm } from '@/components/SiteRulesForm';
import { sendMessage } from '@/lib/messages';
import type { RefusedSettings } from '@/lib/policy';
import {
  type Account,
  accountItem,
  currentAccount,
  lastEmailItem,
  loadSettingsAndLocks,
  type Settings,
  type SettingsField,
} from '@/lib/settings';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>();
  const [locked, setLocked] = useState<SettingsField[]>([]);
  const [refused, setRefused] = useState<RefusedSettings>({});
  // A new key draws the settings form afresh, with what the policy now locks or refuses.
  const [settingsFormKey, setSettingsFormKey] = useState(0);
  const [savedStatus, setSavedStatus] = useState<string>();
  const [account, setAccount] = useState<Account | null>(null);
  const [lastEmail, setLastEmail] = useState('');
  const signOutButton = useRef<HTMLButtonElement>(null);
  // Signing in here replaces the sign-in form, which had the focus: it goes to Sign out.
  const [focusSignOut, setFocusSignOut] = useState(false);
  // The page opens at its top, not in the middle at the sign-in form; after Sign out the focus,
  // which was on that button, goes to the sign-in form that replaces it.
  const [focusSignIn, setFocusSignIn] = useState(false);
  useEffect(() => {
    if (!focusSignOut || !account) return;
    signOutButton.current?.focus();
    setFocusSignOut(false);
  }, [focusSignOut, account]);

  useEffect(() => {
    void (async () => {
      const { settings: loaded, locked: byPolicy, refused: notUsed } = await loadSettingsAndLocks();
      setSettings(loaded);
      setLocked(byPolicy);
      setRefused(notUsed);
      setAccount(await currentAccount(loaded));
      setLastEmail(await lastEmailItem.getValue());
    })();
    return accountItem.watch(() => void currentAccount().then(setAccount));
  }, []);

  if (!settings) return <main className="loading" aria-busy="true" />;
  const environmentLabel = i18n.t(`environment.${settings.environment}`);

  return (
    <main>
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
            setAccount(await currentAccount(next.settings));
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
              ref={signOutButton}
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
              setFocusSignOut(true);
            }}
          />
        )}
      </section>
      <SiteRulesForm />
      <section className="card">
        <HistoryList />
      </section>
      <Shortcuts />
      <SetAsideList />
    </main>
  );
}
