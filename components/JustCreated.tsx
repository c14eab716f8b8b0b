import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { type HistoryEntry, takeJustCreated } from '@/lib/history';
import { formatTime } from '@/lib/locale';
import { openTaskLink } from '@/lib/tabs';

/**
 * Taken once per popup however often the line is drawn anew (React may run an effect twice, and
 * does in StrictMode): a second take would find it gone.
 */
const taken = new Map<number, Promise<HistoryEntry | undefined>>();
function takeOnce(tabId: number): Promise<HistoryEntry | undefined> {
  // This popup's own item, created while it was open, is the next popup's to name.
  const once = taken.get(tabId) ?? takeJustCreated(tabId, performance.timeOrigin);
  taken.set(tabId, once);
  return once;
}

/**
 * One line above a fresh form: what the worker created from this tab's form after the popup that
 * sent it had closed (it closes as the item's tab opens), so the operator knows it went through.
 * Taken once: the popup after next is plain. Loaded a task after the form is drawn (PopupApp).
 */
export function JustCreated({ tabId }: { tabId: number }) {
  const [entry, setEntry] = useState<HistoryEntry>();
  useEffect(() => {
    let current = true;
    void takeOnce(tabId).then((taken) => current && setEntry(taken));
    return () => {
      current = false;
    };
  }, [tabId]);
  if (!entry) return null;
  return (
    <p className="message message--ok just-created">
      {i18n.t('created.just', {
        type: i18n.t(`todoType.${entry.todoType}`),
        title: entry.title,
        time: formatTime(Date.parse(entry.createdAt)),
      })}{' '}
      {entry.trusted ? (
        <button type="button" className="link-button" onClick={() => void openTaskLink(entry.taskLink)}>
          {i18n.t('created.open')}
        </button>
      ) : (
        <code>{entry.taskLink}</code>
      )}
    </p>
  );
}
