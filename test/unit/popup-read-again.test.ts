// @vitest-environment happy-dom
// The popup reads the tab again when the page rules change (a rule saved or picked meanwhile). A
// tab it can no longer read keeps what was read; a tab read again shows what it shows now.
import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPopup } from '@/entrypoints/popup/startup';
import { framesShowing, readingStartedOn, SCREEN_URL } from './popup-startup';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  readingStartedOn('7770142');
});

async function startedAndRead() {
  const startup = startPopup('');
  await vi.waitFor(() => expect(startup.getSnapshot().pageRead).toBe(true));
  expect(startup.getSnapshot().reading.serviceOrder[0]?.value).toBe('7770142');
  return startup;
}

it('keeps what was read when the tab can no longer be read', async () => {
  const startup = await startedAndRead();
  const readAgain = vi
    .spyOn(fakeBrowser.scripting, 'executeScript')
    .mockRejectedValue(new Error('Cannot access contents of the page'));

  await startup.readAgain();

  expect(readAgain).toHaveBeenCalled();
  expect(startup.getSnapshot().reading.serviceOrder[0]?.value).toBe('7770142');
  expect(startup.getSnapshot().page?.url).toBe(SCREEN_URL);
});

it('shows what the tab shows now when it is read again', async () => {
  const startup = await startedAndRead();
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(framesShowing('8880001'));

  await startup.readAgain();

  expect(startup.getSnapshot().reading.serviceOrder[0]?.value).toBe('8880001');
});
