import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import type { OutboxItem } from '@/lib/outbox';

/** An item the worker kept in the outbox: why, and that it is safe. */
export function QueuedMessage({ item }: { item: OutboxItem }) {
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
export function NewReportButton({ onNew }: { onNew(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <button type="button" ref={button} onClick={onNew}>
      {i18n.t('action.newReport')}
    </button>
  );
}
