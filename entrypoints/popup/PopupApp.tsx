import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import { i18n } from '#i18n';
import { ReportForm } from '@/components/ReportForm';
import {
  emptyReportForm,
  type ReportField,
  type ReportForm as ReportFormValues,
} from '@/lib/bzctrl/report-form';
import type { CreatedItem as Created } from '@/lib/bzctrl/submission';
import { type Draft, discardDraft, findDraft, saveDraft } from '@/lib/drafts';
import type { Failure } from '@/lib/failures';
import { type Launch, takeLaunch } from '@/lib/launch';
import { sendMessage } from '@/lib/messages';
import type { OutboxItem } from '@/lib/outbox';
import { mergeReadings } from '@/lib/page/candidates';
import { valuesFromSelection } from '@/lib/page/selection';
import type { Candidate, PageReading } from '@/lib/page/types';
import { NOTHING_READ, readTab, targetTabId } from '@/lib/read-tab';
import {
  type Account,
  accountItem,
  currentAccount,
  domainWorkSpaceOf,
  lastEmailItem,
  loadSettings,
  type Settings,
  siteRulesItem,
} from '@/lib/settings';
import { OUTBOX_KEY } from '@/lib/storage-keys';
import { openFormWindow, openTaskLink } from '@/lib/tabs';

// Shown after a submission or when the outbox holds something: not needed to show the form.
const CreatedItem = lazy(() => import('@/components/CreatedItem').then((m) => ({ default: m.CreatedItem })));
const PopupOutbox = lazy(() => import('@/components/PopupOutbox').then((m) => ({ default: m.PopupOutbox })));
// Only when signed out: the everyday popup, signed in, opens without it.
const SignInForm = lazy(() => import('@/components/SignInForm').then((m) => ({ default: m.SignInForm })));
const HistoryList = lazy(() => import('@/components/HistoryList').then((m) => ({ default: m.HistoryList })));
const JustCreated = lazy(() => import('@/components/JustCreated').then((m) => ({ default: m.JustCreated })));

interface Loaded {
  settings: Settings;
  account: Account | null;
  lastEmail: string;
  tabId: number | null;
  /** What the form starts from: a restored draft, or an empty form under a new id. */
  draft: Draft;
  restored: boolean;
}

type Outcome = { kind: 'created'; item: Created; warnings: string[] } | { kind: 'queued'; item: OutboxItem };

/** Where the keyboard focus goes when the view that held it is replaced. */
const FIRST_FIELD = 'form.report :is(input, select, textarea), .message--warning a';
const SUBMIT_BUTTON = 'form.report button[type="submit"]';

/** Opened as a page (`?tabId=`), the form is in a window of its own already. */
const IN_OWN_WINDOW = new URLSearchParams(location.search).has('tabId');

function newDraft(tabId: number | null, settings: Settings, email: string): Draft {
  return {
    id: crypto.randomUUID(),
    tabId,
    values: emptyReportForm(settings.defaultType, email),
    updatedAt: 0,
  };
}

export function PopupApp() {
  const [loaded, setLoaded] = useState<Loaded>();
  const [reading, setReading] = useState<PageReading>(NOTHING_READ);
  const [outcome, setOutcome] = useState<Outcome>();
  const [signInNotice, setSignInNotice] = useState<string>();
  // Whether the outbox holds anything: its list, and the checks of its items, load only then.
  const [outboxHolds, setOutboxHolds] = useState(false);
  const [pageRead, setPageRead] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [pickFailure, setPickFailure] = useState<string>();
  const main = useRef<HTMLElement>(null);
  // Set when what had the focus goes away (the sign-in form, the created item): where it goes next.
  const [focusAfterRender, setFocusAfterRender] = useState<string>();
  useEffect(() => {
    if (!focusAfterRender) return;
    main.current?.querySelector<HTMLElement>(focusAfterRender)?.focus();
    setFocusAfterRender(undefined);
  }, [focusAfterRender]);

  useEffect(() => {
    void (async () => {
      // Everything the form needs, each read as soon as what it depends on is there: the form
      // waits for the longest chain (tab → launch → draft), not for the sum of all reads.
      const settingsRead = loadSettings();
      const tabRead = targetTabId(location.search).then((id) => id ?? null);
      const launchRead = tabRead.then((id) => (id === null ? undefined : takeLaunch(id)));
      const [settings, account, lastEmail, tabId, launch, draft] = await Promise.all([
        settingsRead,
        settingsRead.then((read) => currentAccount(read)),
        lastEmailItem.getValue(),
        tabRead,
        launchRead,
        Promise.all([tabRead, launchRead]).then(([id, launch]) => findDraft(id, launch?.serviceOrder)),
      ]);
      setLoaded({
        settings,
        account,
        lastEmail,
        tabId,
        draft: draft ?? newDraft(tabId, settings, account?.email ?? lastEmail),
        restored: Boolean(draft),
      });
      // The menu's selection fills the form at once; the page reading follows. Where the page
      // itself showed the selection, its reading (with the label beside it) is the one that counts.
      const fromSelection = readingOf(launch);
      setReading(fromSelection);
      if (tabId !== null) {
        const page = await readTab(tabId);
        setReading(page.selection ? page : mergeReadings([fromSelection, page]));
      }
      setPageRead(true);
    })();
    // Read as stored, not parsed (lib/outbox.ts parses it, in the list): only whether it holds anything.
    const holdsItems = (items: unknown) => setOutboxHolds(Array.isArray(items) && items.length > 0);
    void storage.getItem(OUTBOX_KEY).then(holdsItems);
    const unwatchOutbox = storage.watch(OUTBOX_KEY, holdsItems);
    // Signing in or out in the options page does so here too.
    const unwatchAccount = accountItem.watch((account) => {
      setLoaded((previous) => previous && signedInAs(previous, account));
    });
    // A rule just picked on the page (the form in a window of its own stays open): read again with it.
    const unwatchRules = siteRulesItem.watch(() => {
      void targetTabId(location.search).then(async (tabId) => {
        if (tabId !== undefined) setReading(await readTab(tabId));
      });
    });
    return () => {
      unwatchOutbox();
      unwatchAccount();
      unwatchRules();
    };
  }, []);

  const draftId = loaded?.draft.id;
  const keepDraft = useCallback(
    (values: ReportFormValues) => {
      const updatedAt = Date.now();
      setLoaded((previous) => previous && { ...previous, draft: { ...previous.draft, values, updatedAt } });
      if (draftId) void saveDraft({ id: draftId, tabId: loaded?.tabId ?? null, values, updatedAt });
    },
    [draftId, loaded?.tabId],
  );

  if (!loaded) return <main className="loading" aria-busy="true" />;
  const { settings, account, draft } = loaded;
  const environmentLabel = i18n.t(`environment.${settings.environment}`);
  const domainWorkSpace = domainWorkSpaceOf(settings);

  function startOver() {
    setFocusAfterRender(FIRST_FIELD);
    setOutcome(undefined);
    setSignInNotice(undefined);
    setLoaded(
      (previous) =>
        previous && {
          ...previous,
          draft: newDraft(previous.tabId, previous.settings, previous.account?.email ?? previous.lastEmail),
          restored: false,
        },
    );
  }

  /**
   * Pick on page: the worker injects the picker into the tab. The toolbar popup closes at once, so
   * that the page has the keyboard and the pointer; the next popup shows the value and its rule.
   */
  async function pick(field: 'serviceOrder' | 'lrn') {
    if (loaded?.tabId == null) return;
    setPickFailure(undefined);
    const answer = await sendMessage('startPick', { tabId: loaded.tabId, field, purpose: 'form' }).catch(
      (error: unknown): Failure => ({ ok: false, kind: 'network', message: String(error) }),
    );
    if (!answer.ok) setPickFailure(answer.message);
    else if (!IN_OWN_WINDOW) window.close();
  }

  async function submit(values: ReportFormValues): Promise<Failure | undefined> {
    const result = await sendMessage('submit', {
      id: draft.id,
      form: values,
      tabId: loaded?.tabId ?? undefined,
    }).catch(
      (error: unknown): Failure => ({
        ok: false,
        kind: 'network',
        message: i18n.t('error.noAnswer', { detail: String(error) }),
      }),
    );
    if (!result.ok) {
      if (result.kind === 'signed-out') {
        // The form stays as it is; the password is asked for right here, with the reason.
        setSignInNotice(result.message);
        setLoaded((previous) => previous && { ...previous, account: null });
        return undefined;
      }
      return result;
    }
    // Created, or safe in the outbox: the worker has cleared the draft (this popup may be gone by now).
    setOutcome(
      result.status === 'created'
        ? { kind: 'created', item: result.item, warnings: result.warnings }
        : { kind: 'queued', item: result.outbox },
    );
    return undefined;
  }

  // Signed out with work in the form (an expired session, a restored draft): the form stays.
  const hasWork = holdsWork(loaded) || signInNotice !== undefined;
  const showForm = !outcome && (account !== null || hasWork);

  return (
    // data-page-read: for tests and tools, whether the page reading is over.
    <main data-page-read={pageRead} ref={main}>
      <header className="header">
        <h1>BzCtrl Reporter</h1>
        <span className="header__actions">
          {account && (
            <span className="muted" title={environmentLabel}>
              {account.email}
            </span>
          )}
          <button type="button" className="link-button" onClick={() => setShowHistory(!showHistory)}>
            {showHistory ? i18n.t('popup.backToForm') : i18n.t('popup.history')}
          </button>
        </span>
      </header>
      {showHistory && (
        <Suspense>
          <HistoryList />
        </Suspense>
      )}
      {/* Hidden, not removed, while the history shows: what is typed stays. */}
      <div hidden={showHistory}>
        {/* A boundary each: one that loads later does not hide the others. */}
        <Suspense>{outboxHolds && <PopupOutbox />}</Suspense>
        <Suspense>
          {outcome?.kind === 'created' && (
            <CreatedItem
              item={outcome.item}
              warnings={outcome.warnings}
              onOpen={() => void openTaskLink(outcome.item.taskLink)}
              onNew={startOver}
            />
          )}
        </Suspense>
        <Suspense>
          {/* What the worker created from this tab's form after the popup that sent it had closed. */}
          {!outcome && loaded.tabId !== null && <JustCreated tabId={loaded.tabId} />}
        </Suspense>
        {/*
          One live region, always there (one that appears with its text is not surely read out):
          the outbox notice and the signed-in notice, never both at once.
        */}
        <div role="status">
          {outcome?.kind === 'queued' && <QueuedMessage item={outcome.item} />}
          {account && signInNotice && !outcome && (
            <p className="message message--ok">{i18n.t('popup.signedInAgain')}</p>
          )}
        </div>
        {outcome?.kind === 'queued' && <NewReportButton onNew={startOver} />}
        {pickFailure && (
          <p className="message message--warning" role="alert">
            {pickFailure}
          </p>
        )}
        {!account && (
          <Suspense>
            <SignInForm
              initialEmail={loaded.lastEmail}
              environmentLabel={environmentLabel}
              notice={signInNotice}
              onSignedIn={(signedIn) => {
                // The sign-in form goes: the focus goes to the form, or to its button when it holds work.
                setFocusAfterRender(hasWork ? SUBMIT_BUTTON : FIRST_FIELD);
                setLoaded((previous) => previous && signedInAs(previous, signedIn));
              }}
            />
          </Suspense>
        )}
        {showForm && !domainWorkSpace && (
          <p className="message message--warning">
            {i18n.t('popup.setWorkspace')}{' '}
            <a href="/options.html" target="_blank" rel="noreferrer">
              {i18n.t('popup.openOptions')}
            </a>
          </p>
        )}
        {showForm && domainWorkSpace && (
          <ReportForm
            key={draft.id}
            initialValues={draft.values}
            typedFields={
              loaded.restored ? typedIn(draft.values, settings, account?.email ?? loaded.lastEmail) : []
            }
            reading={reading}
            domainWorkSpace={domainWorkSpace}
            onSubmit={submit}
            onChange={keepDraft}
            onPick={loaded.tabId === null ? undefined : (field) => void pick(field)}
            actions={
              <>
                {!IN_OWN_WINDOW && (
                  <button
                    type="button"
                    title={i18n.t('form.popOutTitle')}
                    onClick={() => void openFormWindow(loaded.tabId ?? undefined).then(() => window.close())}
                  >
                    {i18n.t('form.popOut')}
                  </button>
                )}
                {loaded.restored && (
                  <button type="button" onClick={() => void discardDraft(draft.id).then(startOver)}>
                    {i18n.t('form.discardDraft')}
                  </button>
                )}
              </>
            }
          />
        )}
      </div>
    </main>
  );
}

/** Whether the form holds the user's work: a restored draft, or one typed in since it opened. */
function holdsWork(loaded: Loaded): boolean {
  return loaded.restored || loaded.draft.updatedAt > 0;
}

/**
 * The state once `account` signs in or out. A form nobody has typed in yet starts anew, so that
 * Assignee and Reporter are the account's; one with the user's work in it is kept as it is.
 */
function signedInAs(previous: Loaded, account: Account | null): Loaded {
  if (!account) return { ...previous, account };
  // The sign-in form offers this e-mail next time (an expired session, say).
  const signedIn = { ...previous, account, lastEmail: account.email };
  if (holdsWork(previous) || account.email === previous.draft.values.reporter) return signedIn;
  return { ...signedIn, draft: newDraft(previous.tabId, previous.settings, account.email) };
}

function QueuedMessage({ item }: { item: OutboxItem }) {
  const kind = item.body.todoType === 'INCIDENT' ? i18n.t('popup.incident') : i18n.t('popup.task');
  return (
    <p className="message message--warning">
      {i18n.t(item.state === 'unknown' ? 'popup.queuedUnknown' : 'popup.queued', {
        kind,
        reason: item.lastError ?? i18n.t('popup.noConnection'),
      })}
    </p>
  );
}

/** After an item went to the outbox. It replaces the form, and takes the focus its button had. */
function NewReportButton({ onNew }: { onNew(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <button type="button" ref={button} onClick={onNew}>
      {i18n.t('action.newReport')}
    </button>
  );
}

/** The fields of a restored draft that hold the user's own input. */
function typedIn(values: ReportFormValues, settings: Settings, email: string): ReportField[] {
  const empty = emptyReportForm(settings.defaultType, email);
  return (Object.keys(values) as ReportField[]).filter((field) => values[field] !== empty[field]);
}

/** The menu's or the shortcut's selection, read by the one selection rule (without the page's labels). */
function readingOf(launch: Launch | undefined): PageReading {
  const found = launch ? valuesFromSelection(launch.selection) : {};
  const candidate = (value: string | undefined): Candidate[] =>
    value ? [{ value, source: 'selection', context: `“${launch?.selection}”` }] : [];
  return { serviceOrder: candidate(found.serviceOrder), lrn: candidate(found.lrn) };
}
