/**
 * The extension in a Dutch Chromium: every page, message and notice in Dutch, amounts typed and
 * shown the Dutch way, dates in Dutch, and what reaches BzCtrl unchanged by the language.
 */
import type { Page } from '@playwright/test';
import { DEMO_USER, type Extension, expect, test } from './fixtures';

test.use({ language: 'nl' });

async function signInInDutch(page: Page): Promise<void> {
  await page.getByLabel('E-mail').fill(DEMO_USER.email);
  await page.getByLabel('Wachtwoord').fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function dutchPopup(extension: Extension): Promise<Page> {
  const popup = await extension.openPopup();
  await expect(popup.getByRole('heading', { name: 'Inloggen bij BzCtrl' })).toBeVisible();
  await signInInDutch(popup);
  await expect(popup.getByRole('button', { name: 'Incident maken' })).toBeVisible();
  return popup;
}

test('the browser speaks Dutch, so the extension does', async ({ extension }) => {
  const worker = await extension.worker();
  expect(await worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^nl\b/);
  // The manifest's texts (the store listing, the shortcuts) come from the Dutch catalogue too.
  const commands = await worker.evaluate(async () =>
    (await chrome.commands.getAll()).map((c) => c.description),
  );
  expect(commands).toContain('Een BzCtrl-item maken voor de geselecteerde serviceorder');
});

test('an incident made in Dutch: labels, checks next to the fields, amounts, result', async ({
  extension,
  sandbox,
}) => {
  const popup = await dutchPopup(extension);
  await expect(popup.locator('html')).toHaveAttribute('lang', /^nl\b/);
  for (const label of ['Soort', 'Serviceorder', 'Titel', 'Omschrijving', 'Toegewezen aan', 'Melder']) {
    await expect(popup.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(popup.getByLabel('Status')).toHaveValue('INPROGRESS');
  await expect(popup.getByLabel('Status').locator('option:checked')).toHaveText('In behandeling');

  // Sent empty: the Dutch check stands next to each field, and nothing is sent.
  await popup.getByRole('button', { name: 'Incident maken' }).click();
  await expect(popup.getByLabel('Titel')).toHaveAccessibleDescription('Titel is verplicht.');
  await expect(popup.getByLabel('Serviceorder', { exact: true })).toHaveAccessibleDescription(
    'Serviceorder is verplicht.',
  );

  await popup.getByLabel('Serviceorder', { exact: true }).fill('7770142');
  await popup.getByLabel('Titel').fill('Mogelijke douaneclaim');
  await popup.getByLabel('Omschrijving').fill('Operatie gestart zonder goedkeuring');
  // An amount as Dutch is written: a decimal comma. It is shown back as read, the Dutch way.
  const amount = popup.getByLabel('Financiële impact (EUR)');
  await expect(amount).toHaveAttribute('placeholder', 'bv. 1250,50');
  await amount.fill('1.250,5');
  await popup.getByRole('button', { name: 'Incident maken' }).click();
  await expect(amount).toHaveAccessibleDescription('Vul een bedrag in euro in, alleen cijfers, bv. 1250,50.');
  await amount.fill('1250,5');
  await expect(amount).toHaveAccessibleDescription(/^Gelezen als €\s1\.250,50$/);
  await popup.getByLabel('Impact', { exact: true }).selectOption('Hoog');
  expect(await sandbox.tasks()).toEqual([]);

  await popup.getByRole('button', { name: 'Incident maken' }).click();
  await expect(popup.getByRole('heading', { name: 'Incident aangemaakt' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Link kopiëren' })).toBeVisible();
  const [request] = await sandbox.requests('add-task');
  expect(request?.json).toMatchObject({ financialImpact: '1250.5', impact: 'HIGH', status: 'INPROGRESS' });

  // The history, with its date the Dutch way ("28 nov 2026, 11:05").
  await popup.getByRole('button', { name: 'Geschiedenis' }).click();
  await expect(popup.getByRole('heading', { name: 'Geschiedenis' })).toBeVisible();
  const entry = popup.locator('.history__item');
  await expect(entry).toContainText('Incident · serviceorder 7770142');
  await expect(entry.locator('time')).toHaveText(
    /^\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}/,
  );
  await expect(popup.getByRole('button', { name: 'Terug naar het formulier' })).toBeVisible();
});

test('what the worker says is Dutch too: a failed sign-in, and an item kept in the outbox', async ({
  extension,
  sandbox,
}) => {
  const popup = await extension.openPopup();
  await sandbox.fault({ target: 'token', status: 500 });
  await signInInDutch(popup);
  await expect(popup.getByRole('alert')).toHaveText('BzCtrl antwoordde met HTTP 500.');
  await signInInDutch(popup);
  await popup.getByLabel('Serviceorder', { exact: true }).fill('7770142');
  await popup.getByLabel('Titel').fill('Kraan stilgelegd');
  await popup.getByLabel('Omschrijving').fill('Wacht op akkoord');

  await sandbox.fault({ target: 'add-task', status: 503, times: 1 });
  await popup.getByRole('button', { name: 'Incident maken' }).click();
  await expect(popup.getByRole('status')).toContainText('Het staat veilig in het Postvak UIT');
  await expect(popup.getByRole('heading', { name: /^Postvak UIT \(1\)$/ })).toBeVisible();
  await expect(popup.locator('.outbox__state')).toContainText(
    /Wacht op verzending \(pogingen: 1\), volgende poging om \d/,
  );
  // Sent by itself once BzCtrl is back: the outbox empties and the item is there, once.
  await expect.poll(async () => (await sandbox.tasks()).length, { timeout: 30_000 }).toBe(1);
  await expect(popup.locator('.outbox')).toHaveCount(0);
});

test('the options page in Dutch', async ({ extension }) => {
  const options = await extension.openOptions();
  await expect(options.locator('html')).toHaveAttribute('lang', /^nl\b/);
  for (const heading of ['BzCtrl-verbinding', 'Account', 'Paginaregels', 'Geschiedenis', 'Sneltoetsen']) {
    await expect(options.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(options.getByLabel('Omgeving').locator('option:checked')).toHaveText('Lokale sandbox');
  await expect(options.getByText('Het formulier voor deze pagina openen')).toBeVisible();

  // A bad workspace key is refused in Dutch, next to its field.
  await options.getByLabel('Domein').fill('geen sleutel');
  await options.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(options.getByLabel('Domein')).toHaveAccessibleDescription(
    /is geen BzCtrl-werkruimtesleutel; die ziet eruit als IMP-NLD-EXA-SWA\.$/,
  );
  await options.getByLabel('Domein').fill('IMP-NLD-EXA-SWA');
  await options.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

  await options.getByRole('button', { name: 'Regel toevoegen' }).click();
  await options.getByRole('button', { name: 'Regels opslaan' }).click();
  await expect(options.getByLabel('Pagina’s (URL-patroon)')).toHaveAccessibleDescription(
    /^Vul de site in: een host zoals tos\.example\.com/,
  );
});

test('presets in Dutch: the options page, its checks, the preset line and where the item goes', async ({
  extension,
}) => {
  const options = await extension.openOptions();
  await expect(options.getByRole('heading', { name: 'Voorinstellingen' })).toBeVisible();
  await options.getByRole('button', { name: 'Voorinstelling toevoegen' }).click();
  const editor = options.getByRole('group', { name: 'Voorinstelling 1' });
  await editor.getByLabel('Naam', { exact: true }).fill('Douane');
  const douane = options.getByRole('group', { name: 'Douane' });
  await douane.getByLabel('Pagina’s (URL-patronen, één per regel)').fill('127.0.0.1');
  await douane.getByLabel('Sjabloon voor de titel').fill('Douaneclaim {so}');
  await options.getByRole('button', { name: 'Voorinstellingen opslaan' }).click();
  await expect(douane.getByLabel('Sjabloon voor de titel')).toHaveAccessibleDescription(
    /Onbekende invulplek \{so\}/,
  );
  await douane.getByLabel('Sjabloon voor de titel').fill('Douaneclaim {serviceOrder}');
  await options.getByRole('button', { name: 'Voorinstellingen opslaan' }).click();
  await expect(options.getByText('Voorinstellingen opgeslagen.')).toBeVisible();

  const popup = await dutchPopup(extension);
  await expect(popup.getByText('Gaat naar IMP-NLD-EXA-SWA')).toBeVisible();
  await popup.getByLabel('Voorinstelling').selectOption({ label: 'Douane' });
  await expect(popup.getByText('Douane, door jou gekozen')).toBeVisible();
  await popup.getByLabel('Serviceorder', { exact: true }).fill('7770142');
  await expect(popup.getByLabel('Titel')).toHaveValue('Douaneclaim 7770142');
  await popup.getByLabel('Voorinstelling').selectOption({ label: 'Geen voorinstelling' });
  await expect(popup.getByLabel('Titel')).toHaveValue('');
});
