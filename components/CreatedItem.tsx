import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { CreatedItem as Created } from '@/lib/bzctrl/submission';

interface CreatedItemProps {
  item: Created;
  /** Local faults after BzCtrl created it: told, but it is created all the same. */
  warnings: string[];
  onOpen(): void;
  onNew(): void;
}

/** What was created, with its link: opened already when trusted, never clickable when not. */
export function CreatedItem({ item, warnings, onOpen, onNew }: CreatedItemProps) {
  const [copied, setCopied] = useState(false);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // It replaces the form, and the button that had the focus: the focus comes here, and a screen
  // reader says what happened (more surely than a live region that appears with its text).
  useEffect(() => heading.current?.focus(), []);

  async function copyLink() {
    await navigator.clipboard.writeText(item.taskLink);
    setCopied(true);
  }

  return (
    <section className="created" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {i18n.t('created.heading', { type: i18n.t(`todoType.${item.todoType}`) })}
      </h2>
      <p className="created__title">{item.title}</p>
      <p className="created__link">
        <code>{item.taskLink}</code>
      </p>
      {warnings.map((warning) => (
        <p key={warning} className="message message--warning">
          {warning}
        </p>
      ))}
      {!item.trusted && (
        <p className="message message--warning" role="alert">
          {i18n.t('created.untrusted')}
        </p>
      )}
      <div className="actions">
        {item.trusted && (
          <button type="button" className="primary" onClick={onOpen}>
            {i18n.t('created.open')}
          </button>
        )}
        <button type="button" onClick={copyLink}>
          {copied ? i18n.t('action.copied') : i18n.t('action.copyLink')}
        </button>
        <button type="button" onClick={onNew}>
          {i18n.t('action.newReport')}
        </button>
      </div>
    </section>
  );
}
