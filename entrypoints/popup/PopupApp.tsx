import { useEffect, useState } from 'react';
import { CreatedItem } from '@/components/CreatedItem';
import { ReportForm } from '@/components/ReportForm';
import { SignInForm } from '@/components/SignInForm';
import type { CreatedItem as Created } from '@/lib/bzctrl/create-item';
import { ENVIRONMENT_LABELS } from '@/lib/bzctrl/environments';
import { emptyReportForm, type ReportForm as ReportFormValues } from '@/lib/bzctrl/report-form';
import { type Launch, takeLaunch } from '@/lib/launch';
import type { Failure } from '@/lib/messages';
import { sendMessage } from '@/lib/messages';
import { mergeReadings } from '@/lib/page/candidates';
import type { Candidate, PageReading } from '@/lib/page/types';
import { NOTHING_READ, readTabSoon, targetTabId } from '@/lib/read-tab';
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
  const [reading, setReading] = useState<PageReading>(NOTHING_READ);
  const [created, setCreated] = useState<Created>();
  const [signInNotice, setSignInNotice] = useState<string>();

  useEffect(() => {
    // Stored state and the page are read side by side; the page never delays the form.
    void (async () => {
      const settings = await loadSettings();
      const [account, lastEmail] = await Promise.all([currentAccount(settings), lastEmailItem.getValue()]);
      setLoaded({ settings, account, lastEmail });
    })();
    void (async () => {
      const tabId = await targetTabId(location.search);
      if (tabId === undefined) return;
      // What the menu or shortcut saw fills the form at once; the page reading follows.
      const launch = await takeLaunch(tabId);
      const fromSelection = readingOf(launch);
      setReading(fromSelection);
      setReading(mergeReadings([fromSelection, await readTabSoon(tabId)]));
    })();
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
          reading={reading}
          domainWorkSpace={domainWorkSpaceOf(settings)}
          onSubmit={submit}
        />
      )}
    </main>
  );
}

function readingOf(launch: Launch | undefined): PageReading {
  const candidate = (value: string | undefined): Candidate[] =>
    value ? [{ value, source: 'selection', context: `“${launch?.selection}”` }] : [];
  return { serviceOrder: candidate(launch?.serviceOrder), lrn: candidate(launch?.lrn) };
}
