// Over 200 lines: which view the popup shows (sign-in, form, outcome) and how each hands over to the
// next; the state behind them has one owner each (startup.ts, use-popup-draft.ts, use-submission.ts,
// use-account.ts).
import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { storage } from 'wxt/utils/storage';
import { i18n } from '#i18n';
import { PresetActions, PresetChoice } from '@/components/PresetControls';
import { ReportForm } from '@/components/ReportForm';
import type { PresetFill } from '@/components/report-prefill';
import { useAccount } from '@/components/use-account';
import { useAfterFirstRender } from '@/components/use-after-first-render';
import { useFocusAfterRender } from '@/components/use-focus-after-render';
import { emptyReportForm } from '@/lib/bzctrl/report-form';
import type { Failure } from '@/lib/failures';
import { sendMessage } from '@/lib/messages';
import type { Field, PageReading } from '@/lib/page/types';
import { type PageOrigin, presetFormValues } from '@/lib/presets/apply';
import { presetFromForm, saveAsPreset } from '@/lib/presets/from-form';
import { presetWorkspaceKey } from '@/lib/presets/preset';
import type { Account } from '@/lib/settings';
import { domainWorkSpaceOf, siteRulesItem } from '@/lib/settings';
import { OUTBOX_KEY } from '@/lib/storage-keys';
import { openFormWindow, openTaskLink } from '@/lib/tabs';
import { NewReportButton, QueuedMessage } from './Outcome';
import type { Essentials, Startup } from './startup';
import { usePopupDraft } from './use-popup-draft';
import { usePresetChoice } from './use-preset-choice';
import { useSubmission } from './use-submission';

// Not needed to show the form: each loads when first shown.
const CreatedItem = lazy(() => import('@/components/CreatedItem').then((m) => ({ default: m.CreatedItem })));
const PopupOutbox = lazy(() => import('@/components/PopupOutbox').then((m) => ({ default: m.PopupOutbox })));
const SignInForm = lazy(() => import('@/components/SignInForm').then((m) => ({ default: m.SignInForm })));
const HistoryList = lazy(() => import('@/components/HistoryList').then((m) => ({ default: m.HistoryList })));
const JustCreated = lazy(() => import('@/components/JustCreated').then((m) => ({ default: m.JustCreated })));
const AlreadyReported = lazy(() =>
  import('@/components/AlreadyReported').then((m) => ({ default: m.AlreadyReported })),
);

/** Where the keyboard focus goes when the view that held it is replaced. */
const FIRST_FIELD = 'form.report :is(input, select, textarea), .message--warning a';
const SUBMIT_BUTTON = 'form.report button[type="submit"]';

/** Opened as a page (`?tabId=`), the form is in a window of its own already. */
const IN_OWN_WINDOW = new URLSearchParams(location.search).has('tabId');

/** The popup: the form about the tab, once what it starts from is read (entrypoints/popup/startup.ts). */
export function PopupApp({ startup }: { startup: Startup }) {
  const { essentials, reading, pageRead, page } = useSyncExternalStore(
    startup.subscribe,
    startup.getSnapshot,
  );
  // A rule just picked on the page (the form in a window of its own stays open): read again with it.
  useEffect(() => siteRulesItem.watch(() => void startup.readAgain()), [startup]);
  if (!essentials) return <main className="loading" aria-busy="true" />;
  return <Popup essentials={essentials} reading={reading} pageRead={pageRead} page={page} />;
}

function Popup({
  essentials,
  reading,
  pageRead,
  page,
}: {
  essentials: Essentials;
  reading: PageReading;
  pageRead: boolean;
  page: PageOrigin | undefined;
}) {
  const { settings, tabId } = essentials;
  const [account, setAccount] = useAccount(settings, essentials.account);
  // The sign-in form offers the last e-mail that signed in (an expired session, say). Signed in, it
  // is the account's from the first render: a fresh draft made for another address would be made
  // anew for this one at once, and the form drawn twice.
  const [lastEmail, setLastEmail] = useState(essentials.account?.email ?? essentials.lastEmail);
  if (account && account.email !== lastEmail) setLastEmail(account.email);
  const form = usePopupDraft(essentials.draft, tabId, settings, lastEmail);
  const { draft } = form;
  const submission = useSubmission(draft.id, tabId, () => setAccount(null));
  const [showHistory, setShowHistory] = useState(false);
  // The notes about the history load a task after the render that draws the form has committed
  // (each is a module and a storage read), not in that render.
  const formDrawn = useAfterFirstRender();
  const [pickFailure, setPickFailure] = useState<string>();
  const outboxHolds = useOutboxHolds();
  const presets = usePresetChoice(
    essentials.presets,
    essentials.launchPresetId,
    draft.presetChoice,
    page?.url,
  );
  const preset = presets.active?.preset;
  const main = useRef<HTMLElement>(null);
  const focusAfterRender = useFocusAfterRender(main);

  /** A form nobody has typed in starts anew for whoever signs in, so that Assignee and Reporter are theirs. */
  function signedInAs(signedIn: Account) {
    if (!form.holdsWork && !form.restored && draft.values.reporter !== signedIn.email)
      form.startOver(signedIn.email);
  }
  // Signed in elsewhere (the options page): the same, once this popup hears of it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of account only
  useEffect(() => {
    if (account) signedInAs(account);
  }, [account?.email]);

  const environmentLabel = i18n.t(`environment.${settings.environment}`);
  // A preset's own workspace wins over the settings' one, unless the organisation sets that one
  // and the preset is not the organisation's (the worker holds to the same rule).
  const presetKey =
    preset && (!essentials.workspaceLocked || presets.active?.managed) ? presetWorkspaceKey(preset) : '';
  const domainWorkSpace = presetKey || domainWorkSpaceOf(settings);
  const presetFill = useCallback<PresetFill>(
    ({ orderID, lrn }) =>
      presetFormValues(preset, {
        blank: emptyReportForm(settings.defaultType, ''),
        orderID,
        lrn,
        page,
        withOrigin: settings.originLine === 'on',
      }),
    [preset, page, settings],
  );
  async function saveFormAsPreset(name: string, values: Parameters<typeof presetFromForm>[1]) {
    if (!page) return { ok: false, message: '' };
    try {
      const saved = presetFromForm(name, values, page, preset ?? { domain: '', workspace: '' });
      const result = await saveAsPreset(saved);
      return result.ok
        ? {
            ok: true,
            message: i18n.t('preset.savedAs', { name: saved.name, pattern: saved.urlPatterns[0] ?? '' }),
          }
        : result;
    } catch (error) {
      return { ok: false, message: String(error) };
    }
  }
  const { outcome, signInNotice } = submission;
  // Signed out with work in the form (an expired session, a restored draft): the form stays.
  const hasWork = form.holdsWork || form.restored || signInNotice !== undefined;
  const showForm = !outcome && (account !== null || hasWork);

  function startOver() {
    focusAfterRender(FIRST_FIELD);
    submission.clear();
    form.startOver(lastEmail);
    presets.choose(undefined);
  }

  /**
   * Pick on page: the worker injects the picker into the tab. The toolbar popup closes at once, so
   * that the page has the keyboard and the pointer; the next popup shows the value and its rule.
   */
  async function pick(field: Field) {
    if (tabId === null) return;
    setPickFailure(undefined);
    const answer = await sendMessage('startPick', { tabId, field, purpose: 'form' }).catch(
      (error: unknown): Failure => ({ ok: false, kind: 'network', message: String(error) }),
    );
    if (!answer.ok) setPickFailure(answer.message);
    else if (!IN_OWN_WINDOW) window.close();
  }

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
          {formDrawn && !outcome && tabId !== null && <JustCreated tabId={tabId} />}
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
          <Suspense>
            {formDrawn && showForm && (
              <AlreadyReported serviceOrder={reading.serviceOrder[0]?.value} lrn={reading.lrn[0]?.value} />
            )}
          </Suspense>
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
              initialEmail={lastEmail}
              environmentLabel={environmentLabel}
              notice={signInNotice}
              onSignedIn={(signedIn) => {
                // The sign-in form goes: the focus goes to the form, or to its button when it holds work.
                focusAfterRender(hasWork ? SUBMIT_BUTTON : FIRST_FIELD);
                // In the same render as the new account: a form drawn anew after the focus moved would lose it.
                signedInAs(signedIn);
                setAccount(signedIn);
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
        {/* Outside the form: with "No preset" and no workspace of the settings, it is the way back. */}
        {showForm && (
          <PresetChoice
            presets={essentials.presets}
            active={presets.active}
            reason={presets.reason}
            onChoose={(choice) => {
              presets.choose(choice);
              form.keepChoice(choice);
            }}
          />
        )}
        {showForm && domainWorkSpace && (
          <ReportForm
            key={draft.id}
            initialValues={draft.values}
            typedFields={draft.typed}
            reading={reading}
            presetFill={presetFill}
            onSubmit={(values) => submission.submit(values, domainWorkSpace)}
            onChange={(values, typed) =>
              // "No preset" (null) is a choice too, kept over the menu's preset.
              form.keep(
                values,
                typed,
                presets.choice !== undefined ? presets.choice : essentials.launchPresetId,
              )
            }
            onPick={tabId === null ? undefined : (field) => void pick(field)}
            actions={(values) => (
              <>
                {!IN_OWN_WINDOW && (
                  <button
                    type="button"
                    title={i18n.t('form.popOutTitle')}
                    onClick={() => void openFormWindow(tabId ?? undefined).then(() => window.close())}
                  >
                    {i18n.t('form.popOut')}
                  </button>
                )}
                {form.restored && (
                  <button
                    type="button"
                    onClick={() => {
                      focusAfterRender(FIRST_FIELD);
                      void form.discard(lastEmail);
                      presets.choose(undefined);
                    }}
                  >
                    {i18n.t('form.discardDraft')}
                  </button>
                )}
                <PresetActions
                  workspaceKey={domainWorkSpace}
                  onSaveAsPreset={page && ((name) => saveFormAsPreset(name, values))}
                />
              </>
            )}
          />
        )}
      </div>
    </main>
  );
}

/** Whether the outbox holds anything: its list, and the checks of its items, load only then. */
function useOutboxHolds(): boolean {
  const [holds, setHolds] = useState(false);
  useEffect(() => {
    // Read as stored, not parsed (lib/outbox.ts parses it, in the list): only whether it holds anything.
    const holdsItems = (items: unknown) => setHolds(Array.isArray(items) && items.length > 0);
    void storage.getItem(OUTBOX_KEY).then(holdsItems);
    return storage.watch(OUTBOX_KEY, holdsItems);
  }, []);
  return holds;
}
