import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { openShortcutSettings } from '@/lib/tabs';

interface Shortcut {
  name: string;
  description: string;
  keys: string;
}

const DESCRIPTIONS: Record<string, string> = {
  _execute_action: 'Open the form for this page',
  _execute_browser_action: 'Open the form for this page',
  'create-from-selection': 'Create an item for the selected service order',
};

/** The keyboard shortcuts as the browser has them now, and where to change them. */
export function Shortcuts() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((commands) =>
      setShortcuts(
        commands.map((command) => ({
          name: command.name ?? '',
          description: DESCRIPTIONS[command.name ?? ''] ?? command.description ?? '',
          keys: command.shortcut || 'not set',
        })),
      ),
    );
  }, []);

  return (
    <section className="card" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
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
        Also: select a service order number on a page, right-click, and choose{' '}
        <em>Create BzCtrl incident for “…”</em>.
      </p>
      <button type="button" onClick={() => void openShortcutSettings()}>
        Change shortcuts
      </button>
    </section>
  );
}
