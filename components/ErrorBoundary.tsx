import { Component, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** The popup offers the options page as a way out; the options page is where that leads. */
  offerOptions?: boolean;
}

interface ErrorBoundaryState {
  error?: unknown;
}

/**
 * When rendering a page throws, React would leave it blank: this says what happened instead, and
 * offers a way out. Errors outside rendering (a failed request, say) are the page's own to show.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {};

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error };
  }

  override render() {
    if (!('error' in this.state)) return this.props.children;
    return (
      <main className="page-error">
        <div role="alert" aria-labelledby="page-error-heading">
          <h1 id="page-error-heading">{i18n.t('pageError.heading')}</h1>
          <p>{i18n.t('pageError.happened')}</p>
          <p>
            <code className="page-error__message">{messageOf(this.state.error)}</code>
          </p>
        </div>
        <div className="actions">
          {/* biome-ignore lint/a11y/noAutofocus: what had the focus is gone; the way out gets it */}
          <button type="button" className="primary" autoFocus onClick={() => window.location.reload()}>
            {i18n.t('pageError.reload')}
          </button>
          {this.props.offerOptions && (
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {i18n.t('pageError.openOptions')}
            </button>
          )}
        </div>
      </main>
    );
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
