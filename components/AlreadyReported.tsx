import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { findAlreadyReported, type AlreadyReported as Match } from '@/lib/already-reported';
import { historyItem } from '@/lib/history';
import { formatRelativeTime } from '@/lib/locale';
import { openTaskLink } from '@/lib/tabs';

/**
 * "Already reported": the newest item in the history for the service order or LRN on the page, said
 * before the operator types. Creating another is still the form's one click. The history is read
 * after the form is drawn: the form never waits for it.
 */
export function AlreadyReported({ serviceOrder, lrn }: { serviceOrder?: string; lrn?: string }) {
  const [match, setMatch] = useState<Match>();
  useEffect(() => {
    let current = true;
    void historyItem.getValue().then((history) => {
      if (current) setMatch(findAlreadyReported(history, { serviceOrder, lrn }));
    });
    return () => {
      current = false;
    };
  }, [serviceOrder, lrn]);
  if (!match) return null;
  const { entry, field, value } = match;
  const text = i18n.t(field === 'lrn' ? 'already.forLrn' : 'already.forServiceOrder', {
    type: i18n.t(`todoType.${entry.todoType}`),
    title: entry.title,
    when: formatRelativeTime(Date.parse(entry.createdAt)),
    value,
  });
  return (
    // Inside the popup's one live region, which is there before this line: it is read out.
    <p className="message message--warning already-reported">
      <span id="already-reported">{text}</span>{' '}
      {entry.trusted && (
        <button
          type="button"
          className="link-button"
          aria-describedby="already-reported"
          onClick={() => void openTaskLink(entry.taskLink)}
        >
          {i18n.t('action.open')}
        </button>
      )}
    </p>
  );
}
