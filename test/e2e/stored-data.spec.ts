/**
 * Stored data of another shape (an older version, a write cut short, another tool): the popup and
 * the options page work on without it, never blank, and the options page lists what was set aside.
 */
import { expect, fillRequired, signIn, test } from './fixtures';

test('broken stored items are set aside, the popup still creates an item, the options page lists them', async ({
  extension,
  sandbox,
}) => {
  const worker = await extension.worker();
  const tokenUrl = `${sandbox.apiUrl}/bzctrl-core-api/oauth/token`;
  await worker.evaluate(async (tokenUrl) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({
      outbox: [{ id: 42, body: 'cut sho' }],
      history: 'not a list',
      settings: { ...(settings as object), defaultType: 'BOTH' },
    });
    await chrome.storage.session.set({
      drafts: [{ values: 3 }],
      tokens: { accessToken: 'secret-token-value', expiresAt: 'soon' },
      account: { email: 'operator@example.com', tokenUrl },
    });
  }, tokenUrl);

  // Signed in, as far as the account says: the form, not a blank page.
  const popup = await extension.openPopup();
  await fillRequired(popup, 'Created beside broken data');
  await popup.getByRole('button', { name: 'Create incident' }).click();
  // The tokens cannot be used: the password is asked for in place, and the form stays.
  await expect(popup.getByText('Sign in to BzCtrl to continue.')).toBeVisible();
  await signIn(popup);
  await expect(popup.getByLabel('Password')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Create incident' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
  expect((await sandbox.tasks()).map((task) => task.title)).toEqual(['Created beside broken data']);
  // The broken outbox entry is not shown as an item to send.
  await expect(popup.locator('.outbox')).toHaveCount(0);

  const options = await extension.openOptions();
  const setAside = options.getByRole('region', { name: 'Stored data not used' });
  await expect(setAside).toBeVisible();
  for (const key of ['local:outbox', 'local:history', 'local:settings', 'session:drafts', 'session:tokens']) {
    await expect(setAside).toContainText(key);
  }
  const kept = JSON.stringify(await worker.evaluate(() => chrome.storage.session.get('setAside')));
  expect(kept).not.toContain('secret-token-value');
  await setAside.getByRole('button', { name: 'Remove them' }).click();
  await expect(setAside).toHaveCount(0);
});

test('the popup and the worker share one lock manager: their changes of a stored list take turns', async ({
  extension,
}) => {
  // lib/stored.ts's `exclusively` relies on it: a lock the popup holds is held for the worker too.
  const popup = await extension.openPopup();
  await popup.evaluate(() => {
    void navigator.locks.request('storage session:justCreated', () => new Promise(() => undefined));
  });
  const worker = await extension.worker();
  await expect
    .poll(() => worker.evaluate(async () => (await navigator.locks.query()).held?.map((lock) => lock.name)))
    .toContain('storage session:justCreated');
  // And a change of that list in the worker waits for the popup's to end.
  const granted = await worker.evaluate(() =>
    navigator.locks.request('storage session:justCreated', { ifAvailable: true }, (lock) => lock !== null),
  );
  expect(granted).toBe(false);
});
