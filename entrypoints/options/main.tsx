import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { setPageLanguage } from '@/lib/locale';
import { OptionsApp } from './OptionsApp';

setPageLanguage();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <OptionsApp />
      </ErrorBoundary>
    </StrictMode>,
  );
}
