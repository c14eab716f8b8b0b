import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messages';
import { type OutboxItem, outboxView } from '@/lib/outbox';
import { openTaskLink } from '@/lib/tabs';
import { OutboxList } from './OutboxList';

/**
 * The popup's outbox: the items not yet in BzCtrl, kept up to date, with what the user can do
 * about each. Loaded only once the outbox holds something (see PopupApp).
 */
export function PopupOutbox() {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    void outboxView.getValue().then(setItems);
    return outboxView.watch(setItems);
  }, []);
  return (
    <OutboxList
      items={items}
      onRetry={(id) => void sendMessage('retryOutboxItem', { id })}
      onDiscard={(id) => void sendMessage('discardOutboxItem', { id })}
      onCheck={(link) => void openTaskLink(link)}
    />
  );
}
