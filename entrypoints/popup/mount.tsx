import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PopupApp } from './PopupApp';
import type { Startup } from './startup';

/** React and the form, loaded while the popup's reads are on their way (main.tsx). */
export function mountPopup(startup: Startup): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary offerOptions>
        <PopupApp startup={startup} />
      </ErrorBoundary>
    </StrictMode>,
  );
}
