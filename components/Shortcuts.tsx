import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { openShortcutSettings } from '@/lib/tabs';

interface Shortcut {
  name: string;
  description: string;
  keys: string;
}

function descriptionOf(command: string): string | undefined {
  if (command === '_execute_action' || command === '_execute_browser_action')
    return i18n.t('shortcuts.openForm');
  if (command === 'create-from-selection') return i18n.t('shortcuts.createFromSelection');
  return undefined;
}

/** The keyboard shortcuts as the browser has them now, and where to change them. */
export function Shortcuts() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((commands) =>
      setShortcuts(
        commands.map((command) => ({
          name: command.name ?? '',
          description: descriptionOf(command.name ?? '') ?? command.description ?? '',
          keys: command.shortcut || i18n.t('shortcuts.notSet'),
        })),
      ),
    );
  }, []);

  return (
    <section className="card" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{i18n.t('shortcuts.heading')}</h2>
      <dl className="shortcuts">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.name}>
            <dt>
              <kbd>{shortcut.keys}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {i18n.t('shortcuts.alsoMenu')} <em>{i18n.t('menu.createIncident').replace('%s', '…')}</em>
      </p>
      <button type="button" onClick={() => void openShortcutSettings()}>
        {i18n.t('shortcuts.change')}
      </button>
    </section>
  );
}
