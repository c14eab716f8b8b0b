// @vitest-environment happy-dom
// The popup's form, drawn from what start-up read: once, with the signed-in account's address in
// Assignee and Reporter, even where no address was kept from an earlier sign-in.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/entrypoints/popup/PopupApp';
import { draftsItem } from '@/lib/drafts';
import { emptyPreset } from '@/lib/presets/preset';
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

  it('keeps "No preset", chosen over the preset the menu named, with the draft', async () => {
    const customs = {
      preset: { ...emptyPreset('p'), name: 'Customs hold', category: 'Customs' },
      managed: false,
    };
    render(<PopupApp startup={startupWith({ presets: [customs], launchPresetId: 'p' })} />);
    await screen.findByRole('button', { name: 'Create incident' });
    expect(field('category')?.value).toBe('Customs');

    fireEvent.change(screen.getByLabelText('Preset'), { target: { value: '' } });
    expect(field('category')?.value).toBe('');
    fireEvent.change(field('title') as HTMLInputElement, { target: { value: 'Gate closed' } });

    // Kept as chosen: a popup opened on this draft again does not bring the preset back.
    await waitFor(async () => expect((await draftsItem.getValue())[0]?.values.title).toBe('Gate closed'));
    expect((await draftsItem.getValue())[0]?.presetChoice).toBeNull();
  });
});
