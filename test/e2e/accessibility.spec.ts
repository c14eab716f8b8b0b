/**
 * Accessibility in real Chromium. axe-core (WCAG 2.0 and 2.1, A and AA) finds nothing on the popup
 * and the options page in each state they can be in, in the light and in the dark colour scheme;
 * no live region sits in another (each message is announced once); the whole flow works from the
 * keyboard alone, Ctrl+Enter (Cmd+Enter) submits, and the focus is always visible and lands where
 * the user can go on from.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import {
  DEMO_USER,
  expect,
  fillRequired,
  pressKeys,
  signedInPopup,
  signIn,
  signInThroughOptions,
  test,
} from './fixtures';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;
/** The page background in each scheme (styles.css), to know the scheme is in force. */
const PAGE_BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(30, 31, 34)' };

async function applyScheme(page: Page, colorScheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe(PAGE_BACKGROUND[colorScheme]);
}

/** axe finds no violation in this state, in either colour scheme, and no live region is nested. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await applyScheme(page, colorScheme);
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const report = violations
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help}\n` +
          violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'),
      )
      .join('\n');
    expect(
      violations.map((violation) => ({
        id: violation.id,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      })),
      `axe on ${state}, ${colorScheme}:\n${report}`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
  expect(await nestedLiveRegions(page), `nested live regions on ${state}`).toEqual([]);
}

/** Live regions inside live regions: a message in them would be announced twice. */
function nestedLiveRegions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const live = '[aria-live]:not([aria-live="off"]), [role="alert"], [role="status"], [role="log"], output';
    return [...document.querySelectorAll(live)]
      .filter((region) => region.parentElement?.closest(live))
      .map((region) => region.outerHTML.slice(0, 120));
  });
}

/** The popup once its first render is over (settings, account and page reading done). */
async function settled(popup: Page): Promise<Page> {
  await expect(popup.locator('main[data-page-read="true"]')).toBeVisible();
  return popup;
}

/** The options page with every section loaded. */
async function openSettledOptions(extension: Parameters<typeof signInThroughOptions>[0]): Promise<Page> {
  const options = await extension.openOptions();
  await expect(options.getByRole('button', { name: 'Add rule' })).toBeVisible();
  await expect(options.locator('.shortcuts kbd').first()).toBeVisible();
  return options;
}

const submitButton = (popup: Page) => popup.getByRole('button', { name: /^Create (incident|task)$/ });

test.describe('axe finds no violations, light and dark', () => {
  test('popup: signed out, a refused password, the empty form for an Incident and for a Task', async ({
    extension,
  }) => {
    const popup = await settled(await extension.openPopup());
    await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(popup, 'popup signed out');

    await signIn(popup, DEMO_USER.email, 'not-the-password');
    await expect(popup.getByRole('alert')).toHaveText('Bad credentials');
    await expectAccessible(popup, 'popup with a refused password');

    await signIn(popup);
    await expect(popup.getByRole('button', { name: 'Create incident' })).toBeVisible();
    await expectAccessible(popup, 'popup with the empty Incident form');

    await popup.getByLabel('Type').selectOption('Task');
    await expect(popup.getByRole('button', { name: 'Create task' })).toBeVisible();
    await expect(popup.getByLabel('Result')).toBeVisible();
    await expectAccessible(popup, 'popup with the empty Task form');
  });

  test('popup: field errors after a failed submit, each tied to its field', async ({
    extension,
    sandbox,
  }) => {
    const popup = await settled(await signedInPopup(extension));
    await popup.getByLabel('Financial impact (EUR)').fill('12,505');
    await popup.getByLabel('Assignee').fill('not-an-email');
    await submitButton(popup).click();
    await expect(popup.getByText('Title is required.')).toBeVisible();
    await expectAccessible(popup, 'popup with field errors (Incident)');

    // Each invalid field says so, and is described by its message, which is announced.
    for (const [label, message] of [
      ['Service order', 'Service order is required.'],
      ['Title', 'Title is required.'],
      ['Description', 'Description is required.'],
      ['Financial impact (EUR)', 'Enter an amount in euros, digits only, e.g. 1250.50.'],
      ['Assignee', 'Assignee must be a valid e-mail address.'],
    ] as const) {
      const field = popup.getByLabel(label, { exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(message);
      await expect(popup.getByRole('alert').filter({ hasText: message })).toHaveCount(1);
    }
    await expect(popup.getByLabel('LRN', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    // Required fields say so before any error.
    for (const label of ['Service order', 'Title', 'Description', 'Assignee', 'Reporter']) {
      await expect(popup.getByLabel(label, { exact: true })).toHaveAttribute('aria-required', 'true');
    }

    await popup.getByLabel('Type').selectOption('Task');
    await expect(popup.getByRole('button', { name: 'Create task' })).toBeVisible();
    await expectAccessible(popup, 'popup with field errors (Task)');
    expect(await sandbox.requests('add-task')).toHaveLength(0);
  });

  test('popup: a server message for the form, and one for a field', async ({ extension, sandbox }) => {
    const popup = await settled(await signedInPopup(extension));
    await sandbox.fault({ target: 'add-task', status: 403, body: { error: 'access_denied' } });
    await fillRequired(popup, 'Forbidden');
    await submitButton(popup).click();
    await expect(popup.getByRole('alert')).toHaveText('Your BzCtrl account has no access to this workspace.');
    await expectAccessible(popup, 'popup with a server error');

    await sandbox.refuseField('title', 'must not contain tabs');
    await submitButton(popup).click();
    await expect(popup.getByLabel('Title')).toHaveAccessibleDescription('must not contain tabs');
    await expectAccessible(popup, 'popup with a server error on a field');
  });

  test('popup: the created item, the history, and the options page listing it', async ({ extension }) => {
    const popup = await settled(await signedInPopup(extension));
    await fillRequired(popup, 'Potential Customs claim');
    await popup.getByLabel('LRN', { exact: true }).fill('24NLLRN0004471');
    await submitButton(popup).click();
    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
    await expectAccessible(popup, 'popup with the created item');

    await popup.getByRole('button', { name: 'History' }).click();
    await expect(popup.locator('.history__item')).toHaveCount(1);
    await expectAccessible(popup, 'popup history');
    await popup.getByLabel('Search by service order or LRN').fill('9999');
    await expect(popup.getByRole('status')).toHaveText('Nothing matches “9999”.');
    await expectAccessible(popup, 'popup history, nothing found');

    const options = await openSettledOptions(extension);
    await expect(options.locator('.history__item')).toHaveCount(1);
    await expectAccessible(options, 'options with a history');
  });

  test('popup: a link that is not on a BzCtrl address, with its warning', async ({ extension, sandbox }) => {
    const popup = await settled(await signedInPopup(extension));
    await sandbox.fault({
      target: 'add-task',
      status: 201,
      body: {
        title: 'x',
        taskType: 'INCIDENT',
        description: 'x',
        taskLink: 'https://bzctrl.com.evil.example/app/#/todo/IMP-NLD-EXA-SWA-01',
      },
    });
    await fillRequired(popup, 'Hostile link');
    await submitButton(popup).click();
    await expect(popup.getByRole('alert')).toContainText('not opened');
    await expectAccessible(popup, 'popup with an untrusted link');
  });

  test('popup: the outbox, with an item waiting and one to check in BzCtrl', async ({
    extension,
    sandbox,
  }) => {
    const popup = await settled(await signedInPopup(extension));
    // Stays waiting while the page is checked: BzCtrl asks for a long pause.
    await sandbox.fault({ target: 'add-task', status: 503, headers: { 'Retry-After': '3600' } });
    await fillRequired(popup, 'Waiting in the outbox', '1');
    await submitButton(popup).click();
    await expect(popup.getByRole('status')).toContainText('in the outbox');
    await expect(popup.getByRole('heading', { name: 'Outbox (1)' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expectAccessible(popup, 'popup with the outbox');

    // A success answer that is not JSON: kept as "Unknown - check BzCtrl".
    await popup.getByRole('button', { name: 'New report' }).click();
    await sandbox.fault({ target: 'add-task', status: 200, body: '<html>OK</html>' });
    await fillRequired(popup, 'Answered in HTML', '2');
    await submitButton(popup).click();
    await expect(popup.getByRole('heading', { name: 'Outbox (2)' })).toBeVisible();
    await expect(popup.getByText('Unknown - check BzCtrl')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Check BzCtrl' })).toBeVisible();
    await expectAccessible(popup, 'popup with an unknown item in the outbox');
  });

  test('popup: the session expired with work in the form, then signed in again', async ({
    extension,
    sandbox,
  }) => {
    const popup = await settled(await signedInPopup(extension));
    await sandbox.expireTokens({ access: true, refresh: true });
    await fillRequired(popup, 'After the session ended');
    await submitButton(popup).click();
    await expect(popup.getByRole('alert')).toHaveText('Your BzCtrl session has expired. Sign in again.');
    await expectAccessible(popup, 'popup asking for the password above the form');

    await popup.getByLabel('Password').fill(DEMO_USER.password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('status')).toContainText('Everything you typed is still here');
    // The sign-in form went: the focus is on the button that sends the work.
    await expect(submitButton(popup)).toBeFocused();
    await expectAccessible(popup, 'popup signed in again with the work kept');
  });

  test('popup: no workspace set yet', async ({ extension }) => {
    await extension.useSandbox({ domain: '', workspace: '' });
    const popup = await settled(await extension.openPopup());
    await signIn(popup);
    await expect(popup.getByRole('link', { name: 'options' })).toBeVisible();
    // The form cannot show: the focus goes to where the workspace is set.
    await expect(popup.getByRole('link', { name: 'options' })).toBeFocused();
    await expectAccessible(popup, 'popup without a workspace');
  });

  test('options: signed out, with validation errors, signed in, with page rules', async ({ extension }) => {
    const options = await openSettledOptions(extension);
    await expect(options.getByRole('button', { name: 'Sign in' })).toBeVisible();
    // The page opens at its top, not with the focus halfway down in the sign-in form.
    await expect(options.locator('.sign-in input:focus')).toHaveCount(0);
    await expectAccessible(options, 'options signed out');

    await options.getByLabel('Environment').selectOption('Custom');
    await options.getByLabel('Token URL').fill('ftp://bzctrl.example/token');
    await options.getByLabel('Add-task URL').fill('http://bzctrl.example/add-task');
    await options.getByLabel('Domain').fill('not a key!');
    await options.getByText('Advanced: client authentication').click();
    await expect(options.getByLabel('Client ID')).toBeVisible();
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByText('is not a BzCtrl workspace key')).toBeVisible();
    await expect(options.getByLabel('Token URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(options.getByLabel('Token URL')).toHaveAccessibleDescription(
      'Token URL must be an https URL (http only for 127.0.0.1 or localhost).',
    );
    // The first invalid field has the focus.
    await expect(options.getByLabel('Token URL')).toBeFocused();
    await expectAccessible(options, 'options with validation errors');

    await options.reload();
    await expect(options.getByRole('button', { name: 'Add rule' })).toBeVisible();
    await signIn(options);
    await expect(options.getByRole('button', { name: 'Sign out' })).toBeFocused();
    await expect(options.getByRole('button', { name: 'Sign out' })).toHaveAccessibleDescription(
      `Signed in as ${DEMO_USER.email} (Local sandbox)`,
    );
    await expectAccessible(options, 'options signed in');

    await options.getByRole('button', { name: 'Add rule' }).click();
    const rule = options.getByRole('group', { name: 'Rule 1' });
    await expect(rule.getByLabel('Pages (URL pattern)')).toBeFocused();
    await rule.getByLabel('Pages (URL pattern)').fill('https://tos.example.com/*');
    await rule.getByLabel('Service order: regular expression').fill('(seal');
    await options.getByRole('button', { name: 'Save rules' }).click();
    await expect(rule.getByRole('alert')).toContainText('regular expression');
    await expect(rule.getByLabel('Service order: regular expression')).toBeFocused();
    await expectAccessible(options, 'options with a page rule refused');

    await rule.getByLabel('Service order: regular expression').fill('Order\\s+(\\d+)');
    await options.getByRole('button', { name: 'Save rules' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Page rules saved.' })).toBeVisible();
    await expectAccessible(options, 'options with a page rule saved');

    // Removing the rule takes its button away: the focus goes to Add rule.
    await rule.getByRole('button', { name: 'Remove rule 1' }).click();
    await expect(options.getByRole('button', { name: 'Add rule' })).toBeFocused();
    // Signing out takes Sign out away: the focus goes to the sign-in form.
    await options.getByRole('button', { name: 'Sign out' }).click();
    await expect(options.locator('.sign-in input:focus')).toHaveCount(1);
  });

  test.describe('with a page read', () => {
    test.use({ headful: true });

    test('popup: values found on the page, with others to pick from', async ({
      extension,
      context,
      fixturePages,
    }) => {
      await signInThroughOptions(extension);
      const operational = await context.newPage();
      await operational.goto(`${fixturePages}/grid-several-rows.html`);
      const tabId = await extension.tabIdOf(operational);
      await pressKeys(operational, 'alt+shift+k'); // the user's gesture lets the form read the page
      const popup = await settled(await extension.openPopup(tabId));
      await expect(popup.getByLabel('Service order', { exact: true })).toHaveValue('7770301');
      await expect(popup.getByRole('button', { name: '7770302' })).toBeVisible();
      await expect(popup.getByLabel('Service order', { exact: true })).toHaveAccessibleDescription(
        /from the page/,
      );
      await expectAccessible(popup, 'popup with values found on the page');
    });
  });
});

/** Presses Tab until `target` has the focus (and fails if it never gets it). */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  await expectFocusVisible(page);
}

/**
 * The focused element shows a focus ring: a solid outline at least 2px wide, with a contrast of
 * at least 3:1 against the background it is drawn on (WCAG 2.4.7 and 1.4.11).
 */
async function expectFocusVisible(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (color: string) => {
      const [r = 0, g = 0, b = 0] = rgb(color).map((channel) => {
        const c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // The outline is drawn just outside the element: on its parent's background.
    let behind = element.parentElement;
    while (behind && (rgb(getComputedStyle(behind).backgroundColor)[3] ?? 1) === 0) {
      behind = behind.parentElement;
    }
    const background = getComputedStyle(behind ?? document.body).backgroundColor;
    const style = getComputedStyle(element);
    const [light, dark] = [luminance(style.outlineColor), luminance(background)].sort((a, b) => b - a);
    return {
      element: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${element.textContent?.slice(0, 30) ?? ''}`,
      // A date field's calendar button has the focus inside the field: the field shows it.
      focusVisible: element.matches(':focus-visible') || element.matches('input:focus-within'),
      style: style.outlineStyle,
      width: Number.parseFloat(style.outlineWidth),
      contrast: Math.round((((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)) * 100) / 100,
    };
  });
  expect(ring.focusVisible, `${ring.element} matches :focus-visible`).toBe(true);
  expect(ring.style, `${ring.element} has a solid outline`).toBe('solid');
  expect(ring.width, `${ring.element} outline width`).toBeGreaterThanOrEqual(2);
  expect(ring.contrast, `${ring.element} outline contrast`).toBeGreaterThanOrEqual(3);
}

/** Tabs once round the page: every element that takes the focus shows it. Returns how many did. */
async function tabRound(page: Page): Promise<number> {
  const seen: string[] = [];
  for (let presses = 0; presses < 120; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return undefined;
      const path: string[] = [];
      for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
        path.unshift(`${node.tagName}:${[...(node.parentElement?.children ?? [])].indexOf(node)}`);
      }
      return path.join('/');
    });
    if (!focused) continue; // the focus left the page for a moment (before it comes round again)
    if (focused === seen[0]) return seen.length;
    if (focused !== seen.at(-1)) seen.push(focused); // the parts of a date field take one each
    await expectFocusVisible(page);
  }
  throw new Error(`the focus never came round again: ${seen.join('\n')}`);
}

test.describe('from the keyboard alone', () => {
  test('sign in, fill in every field with Tab and keys, and submit with Ctrl+Enter', async ({
    extension,
    sandbox,
  }) => {
    const popup = await settled(await extension.openPopup());
    const { keyboard } = popup;
    // The popup opens to be typed in.
    await expect(popup.getByLabel('Email')).toBeFocused();
    await keyboard.type(DEMO_USER.email);
    await tabTo(popup, popup.getByLabel('Password'));
    await keyboard.type(DEMO_USER.password);
    await keyboard.press('Enter');

    // The sign-in form went, and the focus with it: it is on the form's first field.
    await expect(popup.getByLabel('Type')).toBeFocused();
    await expectFocusVisible(popup);
    const steps: [label: string, keys: string][] = [
      // In the order the form shows them: what is filled every time first.
      ['Status', 'D'], // Done
      ['Priority', 'L'], // Low
      ['Service order', '7770142'],
      ['LRN', '24NLLRN0004471'],
      ['Title', 'Potential Customs claim'],
      ['Description', 'Operation started without proper approvals'],
      ['Financial impact (EUR)', '1250.50'],
      ['Impact', 'H'], // High
      ['Likelihood', 'M'], // Medium
      ['Assignee', ''],
      ['Reporter', ''],
      ['Category', 'Customs, Fetsa'],
      ['Sub-category', 'high'],
      ['Reminder date', ''],
    ];
    for (const [label, keys] of steps) {
      await tabTo(popup, popup.getByLabel(label, { exact: true }));
      if (keys) await keyboard.type(keys);
    }
    await keyboard.press('Control+Enter');

    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeVisible();
    // The form went, and the focus with it: it is on what was created.
    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeFocused();
    const [request] = await sandbox.requests('add-task');
    expect(request?.json).toEqual({
      todoType: 'INCIDENT',
      domainWorkSpace: 'IMP-NLD-EXA-SWA',
      title: 'Potential Customs claim',
      description: 'Operation started without proper approvals',
      financialImpact: '1250.50',
      impact: 'HIGH',
      likelihood: 'MEDIUM',
      status: 'DONE',
      priority: 'LOW',
      assignee: DEMO_USER.email,
      reporter: DEMO_USER.email,
      category: ['Customs', 'Fetsa'],
      subCategory: ['high'],
      orderID: '7770142',
      lrn: '24NLLRN0004471',
    });

    // New report: the focus goes to the new form's first field.
    await tabTo(popup, popup.getByRole('button', { name: 'New report' }));
    await keyboard.press('Enter');
    await expect(popup.getByLabel('Type')).toBeFocused();
    await expect(popup.getByLabel('Title')).toHaveValue('');
  });

  test('a failed Ctrl+Enter moves the focus to the first invalid field; Cmd+Enter sends it', async ({
    extension,
    sandbox,
  }) => {
    const popup = await settled(await signedInPopup(extension));
    const { keyboard } = popup;
    await tabTo(popup, popup.getByLabel('Description'));
    await keyboard.type('Typed in the textarea');
    await keyboard.press('Control+Enter');

    await expect(popup.getByText('Service order is required.')).toBeVisible();
    await expect(popup.getByLabel('Service order', { exact: true })).toBeFocused();
    await expect(popup.getByLabel('Service order', { exact: true })).toHaveAccessibleDescription(
      'Service order is required.',
    );
    await expectFocusVisible(popup);
    // Ctrl+Enter submitted rather than breaking the line.
    await expect(popup.getByLabel('Description')).toHaveValue('Typed in the textarea');
    expect(await sandbox.requests('add-task')).toHaveLength(0);

    await keyboard.type('7770142');
    await keyboard.press('Control+Enter');
    await expect(popup.getByLabel('Title')).toBeFocused();
    await keyboard.type('Sent from a textarea');
    await tabTo(popup, popup.getByLabel('Description'));
    await keyboard.press('Meta+Enter'); // Cmd+Enter on macOS
    await expect(popup.getByRole('heading', { name: 'Incident created' })).toBeFocused();
    expect((await sandbox.tasks()).map((task) => [task.title, task.description])).toEqual([
      ['Sent from a textarea', 'Typed in the textarea'],
    ]);
  });

  test('Ctrl+Enter and Cmd+Enter submit the sign-in and settings forms too', async ({ extension }) => {
    const popup = await settled(await extension.openPopup());
    await expect(popup.getByLabel('Email')).toBeFocused();
    await popup.keyboard.type(DEMO_USER.email);
    await tabTo(popup, popup.getByLabel('Password'));
    await popup.keyboard.type(DEMO_USER.password);
    await popup.keyboard.press('Meta+Enter');
    await expect(popup.getByLabel('Type')).toBeFocused();

    const options = await openSettledOptions(extension);
    await tabTo(options, options.getByLabel('Default type'));
    await options.keyboard.type('T'); // Task
    await options.keyboard.press('Control+Enter');
    await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const worker = await extension.worker();
    const stored = await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ defaultType: 'TASK' });
  });

  test('the focus is visible on every element that takes it, light and dark', async ({
    extension,
    sandbox,
  }) => {
    const popup = await settled(await signedInPopup(extension));
    // The form with errors, and the outbox with its buttons above it.
    await sandbox.fault({ target: 'add-task', status: 503, headers: { 'Retry-After': '3600' } });
    await fillRequired(popup, 'Waiting in the outbox');
    await submitButton(popup).click();
    await popup.getByRole('button', { name: 'New report' }).click();
    await submitButton(popup).click();
    await expect(popup.getByText('Title is required.')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Retry' })).toBeVisible();
    const options = await openSettledOptions(extension);
    await options.getByText('Advanced: client authentication').click();

    for (const colorScheme of SCHEMES) {
      for (const page of [popup, options]) {
        await page.bringToFront();
        await applyScheme(page, colorScheme);
        expect(await tabRound(page)).toBeGreaterThan(10);
      }
    }
  });
});
