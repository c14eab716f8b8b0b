import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PopupApp } from './PopupApp';
import type { Startup } from './startup';

/**
 * React and the form, loaded while the popup's reads are on their way (main.tsx). Drawn at once,
 * not in a later task: Chrome shows the popup after its document's load event, at the size its
 * content has then. Drawn here, and drawn again as soon as the stored data is in (a store's update
 * is drawn at once, in a microtask), the form is usually in before that event, and the popup opens
 * at its final size instead of empty and then grown.
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
