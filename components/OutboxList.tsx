import { useId } from 'react';
import { i18n } from '#i18n';
import { formatTime } from '@/lib/locale';
import type { OutboxItem } from '@/lib/outbox';

interface OutboxListProps {
  items: OutboxItem[];
  onRetry(id: string): void;
  onDiscard(id: string): void;
  onCheck(link: string): void;
}

/** What has not reached BzCtrl yet, with what the user can do about each. */
export function OutboxList({ items, onRetry, onDiscard, onCheck }: OutboxListProps) {
  const id = useId();
  if (items.length === 0) return null;
  return (
    <section className="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{i18n.t('outbox.heading', { count: String(items.length) })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id} className={`outbox__item outbox__item--${item.state}`}>
            <div>
              {/* Names the item its buttons act on: "Retry" alone does not say which. */}
              <strong id={`${id}-${item.id}`}>{item.body.title}</strong>{' '}
              <span className="muted">
                {i18n.t('item.summary', {
                  type: i18n.t(`todoType.${item.body.todoType}`),
                  orderID: item.body.orderID,
                })}
              </span>
            </div>
            <div className="outbox__state">
              {i18n.t(`outbox.${item.state}`)}
              {item.state === 'waiting' && item.nextAttemptAt
                ? i18n.t('outbox.nextTry', {
                    attempts: String(item.attempts),
                    time: formatTime(item.nextAttemptAt),
                  })
                : ''}
            </div>
            {item.lastError && <div className="muted">{item.lastError}</div>}
            <div className="actions">
              {item.state === 'unknown' && item.workspaceLink && (
                <button
                  type="button"
                  aria-describedby={`${id}-${item.id}`}
                  onClick={() => onCheck(item.workspaceLink ?? '')}
                >
                  {i18n.t('outbox.checkBzCtrl')}
                </button>
              )}
              {item.state !== 'sending' && (
                <button type="button" aria-describedby={`${id}-${item.id}`} onClick={() => onRetry(item.id)}>
                  {item.state === 'unknown' ? i18n.t('outbox.sendAgain') : i18n.t('outbox.retry')}
                </button>
              )}
              <button type="button" aria-describedby={`${id}-${item.id}`} onClick={() => onDiscard(item.id)}>
                {i18n.t('action.discard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
