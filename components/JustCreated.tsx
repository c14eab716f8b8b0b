import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { type HistoryEntry, takeJustCreated } from '@/lib/history';
import { formatTime } from '@/lib/locale';
import { openTaskLink } from '@/lib/tabs';

/**
 * The note, taken once per popup however often the line is drawn anew (React may run an effect
 * twice, and does in StrictMode): a second take would find it gone. `done` once the line was on
 * screen and then went (an item sent from this popup): the form after that is plain.
 */
interface Note {
  taken: Promise<HistoryEntry | undefined>;
  done: boolean;
}
const notes = new Map<number, Note>();
function noteFor(tabId: number): Note {
  // This popup's own item, created while it was open, is the next popup's to name.
  const note = notes.get(tabId) ?? { taken: takeJustCreated(tabId, performance.timeOrigin), done: false };
  notes.set(tabId, note);
  return note;
}

/**
 * One line above a fresh form: what the worker created from this tab's form after the popup that
 * sent it had closed (it closes as the item's tab opens), so the operator knows it went through.
 * Taken once: the popup after next is plain. Loaded a task after the form is drawn (PopupApp).
 */
export function JustCreated({ tabId }: { tabId: number }) {
  const [entry, setEntry] = useState<HistoryEntry>();
  useEffect(() => {
    const note = noteFor(tabId);
    if (note.done) return;
    let current = true;
    void note.taken.then((taken) => current && setEntry(taken));
    return () => {
      current = false;
    };
  }, [tabId]);
  useEffect(() => {
    if (!entry) return;
    return () => {
      noteFor(tabId).done = true;
    };
  }, [entry, tabId]);
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
