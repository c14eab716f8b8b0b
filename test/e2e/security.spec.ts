/**
 * Never leak, never obey strangers: web pages cannot reach the worker, content scripts cannot read
 * the tokens nor ask the worker to sign in or create, and the password is kept nowhere.
 */
import { DEMO_USER, expect, pressKeys, signIn, test } from './fixtures';

test.use({ headful: true });

test('a web page has no way to message the extension', async ({ context, sandbox }) => {
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/service-order.html`);
  // No externally_connectable: the page gets no runtime.sendMessage at all.
  const sendMessage = await page.evaluate(
    () =>
      typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
        ?.sendMessage,
  );
  expect(sendMessage).toBe('undefined');
});

test('a content script cannot read the tokens nor make the worker sign in or create', async ({
  context,
  sandbox,
  extension,
}) => {
  const options = await extension.openOptions();
  await signIn(options);
  await expect(options.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await options.close();

  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/service-order.html`);
  const tabId = await extension.tabIdOf(page);
  await pressKeys(page, 'alt+shift+k'); // a real gesture grants activeTab, so a script can run there

  const worker = await extension.worker();
  const [fromContentScript] = await worker.evaluate(
    async ({ tabId, email }) => {
      const [injected] = await chrome.scripting.executeScript({
        target: { tabId },
        args: [email],
        func: async (reporter: string) => {
          const ask = (type: string, data: unknown) =>
            chrome.runtime.sendMessage({ id: 1, type, timestamp: Date.now(), data });
          let session: string;
          try {
            session = JSON.stringify(await chrome.storage.session.get(null));
          } catch (error) {
            session = `refused: ${String(error)}`;
          }
          const signInAnswer = await ask('signIn', { email: reporter, password: 'x' });
          const form = {
            todoType: 'TASK',
            title: 'From a page',
            description: 'd',
            result: '',
            financialImpact: '',
            impact: '',
            likelihood: '',
            status: 'INPROGRESS',
            priority: '',
            assignee: reporter,
            reporter,
            category: '',
            subCategory: '',
            orderID: '1',
            lrn: '',
            reminderDate: '',
          };
          const createAnswer = await ask('submit', { id: crypto.randomUUID(), form });
          const discardAnswer = await ask('discardOutboxItem', { id: 'anything' });
          return { session, signInAnswer, createAnswer, discardAnswer };
        },
      });
      return [injected?.result];
    },
    { tabId, email: DEMO_USER.email },
  );

  expect(fromContentScript?.session).toMatch(/^refused: /);
  expect(fromContentScript?.signInAnswer).toMatchObject({ res: { ok: false, kind: 'refused' } });
  expect(fromContentScript?.createAnswer).toMatchObject({ res: { ok: false, kind: 'refused' } });
  expect(fromContentScript?.discardAnswer).toMatchObject({ res: { ok: false, kind: 'refused' } });
  expect(await sandbox.requests('add-task')).toHaveLength(0);
  // Only the options page's own sign-in reached BzCtrl.
  expect(await sandbox.requests('token')).toHaveLength(1);
});
