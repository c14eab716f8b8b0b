import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { type HistoryEntry, historyItem } from '@/lib/history';
import { formatDateTime } from '@/lib/locale';
import { openTaskLink } from '@/lib/tabs';
import { Field } from './Field';

/** What was created, newest first, searchable by service order or LRN, each with its link. */
export function HistoryList() {
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [query, setQuery] = useState('');
  const [copied, setCopied] = useState<string>();
  const id = useId();

  useEffect(() => {
    void historyItem.getValue().then(setEntries);
    return historyItem.watch((next) => setEntries(next ?? []));
  }, []);
  if (!entries) return null;

  const wanted = query.trim().toUpperCase();
  const shown = wanted
    ? entries.filter(
        (entry) =>
          entry.orderID.toUpperCase().includes(wanted) || (entry.lrn ?? '').toUpperCase().includes(wanted),
      )
    : entries;

  async function copy(link: string) {
    await navigator.clipboard.writeText(link);
    setCopied(link);
  }

  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{i18n.t('history.heading')}</h2>
      <Field label={i18n.t('history.search')}>
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </Field>
      {/* Always there, so that what a search finds is announced as it is typed. */}
      <p className="muted history__status" role="status">
        {entries.length === 0 && i18n.t('history.empty')}
        {entries.length > 0 && shown.length === 0 && i18n.t('history.noMatch', { query })}
        {wanted && shown.length > 0 && (
          <span className="visually-hidden">
            {i18n.t('history.found', { shown: String(shown.length), total: String(entries.length) })}
          </span>
        )}
      </p>
      <ul>
        {shown.map((entry, index) => (
          <li key={`${entry.createdAt}|${entry.taskLink}`} className="history__item">
            <div>
              {/* Names the item its buttons act on: "Open" alone does not say which. */}
              <strong id={`${id}-${index}`}>{entry.title}</strong>{' '}
              <span className="muted">
                {i18n.t('item.summary', {
                  type: i18n.t(`todoType.${entry.todoType}`),
                  orderID: entry.orderID,
                })}
                {entry.lrn ? i18n.t('item.lrn', { lrn: entry.lrn }) : ''} ·{' '}
                <time dateTime={entry.createdAt}>{formatDateTime(Date.parse(entry.createdAt))}</time>
              </span>
            </div>
            <div className="actions">
              {entry.trusted && (
                <button
                  type="button"
                  aria-describedby={`${id}-${index}`}
                  onClick={() => void openTaskLink(entry.taskLink)}
                >
                  {i18n.t('action.open')}
                </button>
              )}
              <button
                type="button"
                aria-describedby={`${id}-${index}`}
                onClick={() => void copy(entry.taskLink)}
              >
                {copied === entry.taskLink ? i18n.t('action.copied') : i18n.t('action.copyLink')}
              </button>
              {!entry.trusted && <span className="muted">{i18n.t('history.untrusted')}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
