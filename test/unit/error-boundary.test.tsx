// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { useLanguage } from './i18n-setup';

function BrokenPage(): never {
  throw new Error('Cannot read properties of undefined (reading environment)');
}

function ThrowsText(): never {
  throw 'storage is gone';
}

beforeEach(() => {
  // React reports every error a boundary catches on the console; here they are expected.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(cleanup);

describe('ErrorBoundary', () => {
  it('shows the page as usual while nothing throws', () => {
    render(
      <ErrorBoundary offerOptions>
        <p>The form</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('The form')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what happened when rendering throws, with the error’s message, and offers a way out', async () => {
    const openOptionsPage = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue();
    render(
      <ErrorBoundary offerOptions>
        <BrokenPage />
      </ErrorBoundary>,
    );

    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
    expect(alert.textContent).toContain('This page stopped because of an error:');
    expect(alert.textContent).toContain('Cannot read properties of undefined (reading environment)');
    // Straight to the way out for a keyboard user.
    const reload = screen.getByRole('button', { name: 'Reload' });
    expect(document.activeElement).toBe(reload);

    await userEvent.click(screen.getByRole('button', { name: 'Open the options' }));
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('reloads the page with its Reload button', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    render(
      <ErrorBoundary>
        <BrokenPage />
      </ErrorBoundary>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('offers no options button on the options page itself', () => {
    render(
      <ErrorBoundary>
        <BrokenPage />
      </ErrorBoundary>,
    );
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Reload']);
  });

  it('says something for a thrown value that is not an Error', () => {
    render(
      <ErrorBoundary>
        <ThrowsText />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('storage is gone');
  });

  it('speaks Dutch in a Dutch browser', async () => {
    await useLanguage('nl');
    render(
      <ErrorBoundary offerOptions>
        <BrokenPage />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Er ging iets mis' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Deze pagina is gestopt door een fout:');
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Opnieuw laden',
      'Opties openen',
    ]);
  });
});
