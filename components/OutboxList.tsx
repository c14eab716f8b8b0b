import { useId } from 'react';
import type { OutboxItem } from '@/lib/outbox';

interface OutboxListProps {
  items: OutboxItem[];
  onRetry(id: string): void;
  onDiscard(id: string): void;
  onCheck(link: string): void;
}

const STATE_LABELS: Record<OutboxItem['state'], string> = {
  sending: 'Sending…',
  waiting: 'Waiting to be sent',
  unknown: 'Unknown - check BzCtrl',
  held: 'Not sent',
};

function when(epochMs: number | undefined): string {
  return epochMs
    ? new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : '';
}

/** What has not reached BzCtrl yet, with what the user can do about each. */
export function OutboxList({ items, onRetry, onDiscard, onCheck }: OutboxListProps) {
  const id = useId();
  if (items.length === 0) return null;
  return (
    <section className="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Outbox ({items.length})</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id} className={`outbox__item outbox__item--${item.state}`}>
            <div>
              {/* Names the item its buttons act on: "Retry" alone does not say which. */}
              <strong id={`${id}-${item.id}`}>{item.body.title}</strong>{' '}
              <span className="muted">
                {item.body.todoType === 'INCIDENT' ? 'Incident' : 'Task'} · service order {item.body.orderID}
              </span>
            </div>
            <div className="outbox__state">
              {STATE_LABELS[item.state]}
              {item.state === 'waiting' && item.nextAttemptAt
                ? `, next try at ${when(item.nextAttemptAt)}`
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
                  Check BzCtrl
                </button>
              )}
              {item.state !== 'sending' && (
                <button type="button" aria-describedby={`${id}-${item.id}`} onClick={() => onRetry(item.id)}>
                  {item.state === 'unknown' ? 'Send again' : 'Retry'}
                </button>
              )}
              <button type="button" aria-describedby={`${id}-${item.id}`} onClick={() => onDiscard(item.id)}>
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
