// @vitest-environment happy-dom
// The popup's form, drawn from what start-up read: once, with the signed-in account's address in
// Assignee and Reporter, even where no address was kept from an earlier sign-in.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/entrypoints/popup/PopupApp';
import { useLanguage } from './i18n-setup';
import { EMAIL, startupWith } from './popup-startup';

const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`);

beforeEach(() => {
  fakeBrowser.reset();
  useLanguage('en');
  performance.clearMarks('bzctrl:first-render');
});
afterEach(cleanup);

describe('PopupApp', () => {
  it('draws the form once, for the account signed in, with no address kept from before', async () => {
    render(<PopupApp startup={startupWith({ lastEmail: '' })} />);
    await screen.findByRole('button', { name: 'Create incident' });
    expect(field('reporter')?.value).toBe(EMAIL);
    expect(field('assignee')?.value).toBe(EMAIL);
    // The effects that follow the first render (the account's among them, run within render's act)
    // drew no second form, for another address: the form's first render happened once.
    expect(performance.getEntriesByName('bzctrl:first-render')).toHaveLength(1);
  });

  it('offers the last address that signed in when signed out', async () => {
    render(<PopupApp startup={startupWith({ account: null, lastEmail: 'before@example.com' })} />);
    const email = await screen.findByLabelText('Email');
    expect((email as HTMLInputElement).value).toBe('before@example.com');
  });
});
