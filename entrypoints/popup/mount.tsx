import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PopupApp } from './PopupApp';
import type { Startup } from './startup';

/**
 * React and the form, loaded while the popup's reads are on their way (main.tsx). The placeholder
 * is drawn at once, not in a later task, so that the app subscribes to its start-up store now: the
 * store's update is then drawn at once too (in a microtask), and the form is usually drawn before
 * the document's load event. Chrome shows the popup after that event, at the size its content has
 * then: at its final size, instead of empty and then grown.
 */
export function mountPopup(startup: Startup): void {
  const root = document.getElementById('root');
  if (!root) return;
  const reactRoot = createRoot(root);
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <ErrorBoundary offerOptions>
          <PopupApp startup={startup} />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
}
