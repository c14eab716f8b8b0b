import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { HistoryList } from '@/components/HistoryList';
import { SettingsForm } from '@/components/SettingsForm';
import { Shortcuts } from '@/components/Shortcuts';
import { SignInForm } from '@/components/SignInForm';
import { SiteRulesForm } from '@/components/SiteRulesForm';
import { sendMessage } from '@/lib/messages';
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
      const { settings: loaded, locked: byPolicy } = await loadSettingsAndLocks();
      setSettings(loaded);
      setLocked(byPolicy);
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
        settings={settings}
        locked={locked}
        onSaved={(saved) => {
          setSettings(saved);
          void currentAccount(saved).then(setAccount);
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
    </main>
  );
}
