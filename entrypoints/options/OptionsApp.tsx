import { useEffect, useState } from 'react';
import { SettingsForm } from '@/components/SettingsForm';
import { Shortcuts } from '@/components/Shortcuts';
import { SignInForm } from '@/components/SignInForm';
import { SiteRulesForm } from '@/components/SiteRulesForm';
import { ENVIRONMENT_LABELS } from '@/lib/bzctrl/environments';
import { sendMessage } from '@/lib/messages';
import {
  type Account,
  accountItem,
  currentAccount,
  lastEmailItem,
  loadSettings,
  type Settings,
} from '@/lib/settings';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>();
  const [account, setAccount] = useState<Account | null>(null);
  const [lastEmail, setLastEmail] = useState('');

  useEffect(() => {
    void (async () => {
      const loaded = await loadSettings();
      setSettings(loaded);
      setAccount(await currentAccount(loaded));
      setLastEmail(await lastEmailItem.getValue());
    })();
    return accountItem.watch(() => void currentAccount().then(setAccount));
  }, []);

  if (!settings) return <main className="loading" aria-busy="true" />;

  return (
    <main>
      <h1>BzCtrl Reporter</h1>
      <SettingsForm
        settings={settings}
        onSaved={(saved) => {
          setSettings(saved);
          void currentAccount(saved).then(setAccount);
        }}
      />
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Account</h2>
        {account ? (
          <div className="actions">
            <p>
              Signed in as <strong>{account.email}</strong> ({ENVIRONMENT_LABELS[settings.environment]})
            </p>
            <button type="button" onClick={() => void sendMessage('signOut', undefined)}>
              Sign out
            </button>
          </div>
        ) : (
          <SignInForm
            initialEmail={lastEmail}
            environmentLabel={ENVIRONMENT_LABELS[settings.environment]}
            onSignedIn={setAccount}
          />
        )}
      </section>
      <SiteRulesForm />
      <Shortcuts />
    </main>
  );
}
