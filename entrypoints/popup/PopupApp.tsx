import { useEffect, useState } from 'react';
import { CreatedItem } from '@/components/CreatedItem';
import { ReportForm } from '@/components/ReportForm';
import { SignInForm } from '@/components/SignInForm';
import type { CreatedItem as Created } from '@/lib/bzctrl/create-item';
import { ENVIRONMENT_LABELS } from '@/lib/bzctrl/environments';
import { emptyReportForm, type ReportForm as ReportFormValues } from '@/lib/bzctrl/report-form';
import type { Failure } from '@/lib/messages';
import { sendMessage } from '@/lib/messages';
import type { PageValues } from '@/lib/page/read-values';
import { readTabValues, targetTabId } from '@/lib/read-tab';
import {
  type Account,
  accountItem,
  currentAccount,
  domainWorkSpaceOf,
  lastEmailItem,
  loadSettings,
  type Settings,
} from '@/lib/settings';
import { openTaskLink } from '@/lib/tabs';

interface Loaded {
  settings: Settings;
  account: Account | null;
  lastEmail: string;
}

export function PopupApp() {
  const [loaded, setLoaded] = useState<Loaded>();
  const [pageValues, setPageValues] = useState<PageValues>({});
  const [created, setCreated] = useState<Created>();
  const [signInNotice, setSignInNotice] = useState<string>();

  useEffect(() => {
    // Stored state and the page are read side by side; the page never delays the form.
    void (async () => {
      const settings = await loadSettings();
      const [account, lastEmail] = await Promise.all([currentAccount(settings), lastEmailItem.getValue()]);
      setLoaded({ settings, account, lastEmail });
    })();
    void targetTabId(location.search).then(async (tabId) => {
      if (tabId !== undefined) setPageValues(await readTabValues(tabId));
    });
    // Signing out in the options page signs out here too.
    return accountItem.watch((account) => {
      setLoaded((previous) => previous && { ...previous, account });
    });
  }, []);

  if (!loaded) return <main className="loading" aria-busy="true" />;
  const { settings, account } = loaded;
  const environmentLabel = ENVIRONMENT_LABELS[settings.environment];

  async function submit(values: ReportFormValues): Promise<Failure | undefined> {
    const result = await sendMessage('createItem', values);
    if (result.ok) {
      setCreated(result.item);
      return undefined;
    }
    if (result.kind === 'signed-out') {
      setSignInNotice(result.message);
      setLoaded((previous) => previous && { ...previous, account: null });
    }
    return result;
  }

  return (
    <main>
      <header className="header">
        <h1>BzCtrl Reporter</h1>
        {account && (
          <span className="muted" title={environmentLabel}>
            {account.email}
          </span>
        )}
      </header>
      {!account ? (
        <SignInForm
          initialEmail={loaded.lastEmail}
          environmentLabel={environmentLabel}
          notice={signInNotice}
          onSignedIn={(signedIn) => setLoaded({ ...loaded, account: signedIn })}
        />
      ) : created ? (
        <CreatedItem
          item={created}
          onOpen={() => void openTaskLink(created.taskLink)}
          onNew={() => setCreated(undefined)}
        />
      ) : !domainWorkSpaceOf(settings) ? (
        <p className="message message--warning">
          Set your BzCtrl domain and workspace in the{' '}
          <a href="/options.html" target="_blank" rel="noreferrer">
            options
          </a>{' '}
          first.
        </p>
      ) : (
        <ReportForm
          initialValues={emptyReportForm(settings.defaultType, account.email)}
          pageValues={pageValues}
          domainWorkSpace={domainWorkSpaceOf(settings)}
          onSubmit={submit}
        />
      )}
    </main>
  );
}
