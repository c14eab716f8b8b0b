// @vitest-environment happy-dom
// The options page's page rules and a rule picked on a page meanwhile (the worker adds it, from a
// popup's Pick on page): shown at once when nothing here is unsaved; told of, with the edits kept,
// when something is.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteRulesForm } from '@/components/SiteRulesForm';
import type { SiteRule } from '@/lib/page/types';
import { siteRulesItem } from '@/lib/settings';
import { useLanguage } from '../i18n-setup';

const TOS: SiteRule = { urlPattern: 'https://tos.example.com/*', serviceOrder: { label: 'Order' } };
const PICKED: SiteRule = { urlPattern: 'https://customs.example.com/*', lrn: { label: 'MRN/LRN' } };
const CHANGED =
  'Page rules changed elsewhere (a value picked on a page): save to keep yours and replace them, or reload the page.';

beforeEach(() => {
  fakeBrowser.reset();
  useLanguage('en');
  // Each rule's tester asks whether the extension may read the rule's pages.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});
afterEach(cleanup);

/** The form drawn over the stored rule TOS: its address field, once shown. */
async function formOverTos() {
  await siteRulesItem.setValue([TOS]);
  render(<SiteRulesForm />);
  return screen.findByDisplayValue(TOS.urlPattern);
}

const patterns = () =>
  screen.getAllByLabelText('Pages (URL pattern)').map((input) => (input as HTMLInputElement).value);

it('shows a rule picked on a page meanwhile when nothing here is unsaved', async () => {
  await formOverTos();

  await act(() => siteRulesItem.setValue([TOS, PICKED]));

  await screen.findByDisplayValue(PICKED.urlPattern);
  expect(patterns()).toEqual([TOS.urlPattern, PICKED.urlPattern]);
  expect(screen.queryByText(CHANGED)).toBeNull();
});

it('keeps unsaved edits over a rule picked meanwhile, and says a Save would replace it', async () => {
  const user = userEvent.setup();
  const pattern = await formOverTos();
  await user.clear(pattern);
  await user.type(pattern, 'https://tos2.example.com/*');

  await act(() => siteRulesItem.setValue([TOS, PICKED]));

  expect(await screen.findByText(CHANGED)).toBeTruthy();
  expect(patterns()).toEqual(['https://tos2.example.com/*']);
  // Saving keeps what was typed here, as the message says, and the message goes.
  await user.click(screen.getByRole('button', { name: 'Save rules' }));
  await screen.findByText('Page rules saved.');
  expect((await siteRulesItem.getValue()).map((rule) => rule.urlPattern)).toEqual([
    'https://tos2.example.com/*',
  ]);
  expect(screen.queryByText(CHANGED)).toBeNull();
});

it('takes its own Save for its own, not for a change made elsewhere', async () => {
  const user = userEvent.setup();
  const pattern = await formOverTos();
  await user.type(pattern, 'x');
  await user.click(screen.getByRole('button', { name: 'Save rules' }));
  await screen.findByText('Page rules saved.');

  // A later change elsewhere, with nothing unsaved here, shows at once.
  await act(() => siteRulesItem.setValue([{ ...TOS, urlPattern: `${TOS.urlPattern}x` }, PICKED]));
  await screen.findByDisplayValue(PICKED.urlPattern);
  expect(screen.queryByText(CHANGED)).toBeNull();
});
