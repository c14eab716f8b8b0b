// @vitest-environment happy-dom
// The options page's preset editor: what is typed is checked on Save and saved only whole; each
// problem stands under its field; a file is imported into the editor, or refused beside its input
// with nothing changed; the organisation's presets are shown and cannot be edited.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PRESETS_FILE_NAME } from '@/components/PresetsFile';
import { PresetsForm } from '@/components/PresetsForm';
import { MAX_PRESET_FILE_BYTES, presetsFile } from '@/lib/presets/file';
import { emptyPreset, type Preset, presetsItem } from '@/lib/presets/preset';

const customsHold: Preset = {
  ...emptyPreset('p-customs-hold'),
  name: 'Customs hold',
  urlPatterns: ['tos.example.com'],
  todoType: 'INCIDENT',
  title: 'Possible customs claim SO {serviceOrder}',
  priority: 'HIGH',
};

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

/** The form, drawn once its presets are read. */
async function renderForm(): Promise<UserEvent> {
  const user = userEvent.setup();
  render(<PresetsForm />);
  await screen.findByRole('button', { name: 'Add preset' });
  return user;
}

/** Replaces a control's text; pasted, so that braces are typed as they are. */
async function fill(user: UserEvent, control: HTMLElement, text: string): Promise<void> {
  await user.clear(control);
  await user.click(control);
  await user.paste(text);
}

/** The texts that describe a control to a screen reader (its hint and error), as one string. */
function description(control: HTMLElement): string {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const presetGroup = (name: string) => screen.getByRole('group', { name });
const jsonFile = (text: string) => new File([text], 'presets.json', { type: 'application/json' });

describe('PresetsForm', () => {
  it('adds a preset, and saves what was filled in', async () => {
    const user = await renderForm();
    await user.click(screen.getByRole('button', { name: 'Add preset' }));
    const preset = presetGroup('Preset 1');
    // The new preset's name has the focus: typing starts there.
    expect(document.activeElement).toBe(within(preset).getByLabelText('Name'));
    await fill(user, within(preset).getByLabelText('Name'), 'Customs hold');
    const named = presetGroup('Customs hold');
    await fill(
      user,
      within(named).getByLabelText('Pages (URL patterns, one per line)'),
      'tos.example.com\n\n',
    );
    await user.selectOptions(within(named).getByLabelText('Type'), 'Incident');
    await fill(user, within(named).getByLabelText('Domain'), 'IMP-NLD-EXA');
    await fill(user, within(named).getByLabelText('Workspace'), 'SWA');
    expect(within(named).getByText('Goes to IMP-NLD-EXA-SWA')).toBeTruthy();
    await fill(user, within(named).getByLabelText('Title template'), 'Customs claim SO {serviceOrder}');
    await user.selectOptions(within(named).getByLabelText('Priority'), 'High');
    await user.click(screen.getByRole('button', { name: 'Save presets' }));

    expect(await screen.findByText('Presets saved.')).toBeTruthy();
    const [saved] = await presetsItem.getValue();
    expect(saved).toMatchObject({
      name: 'Customs hold',
      urlPatterns: ['tos.example.com'],
      todoType: 'INCIDENT',
      domain: 'IMP-NLD-EXA',
      workspace: 'SWA',
      title: 'Customs claim SO {serviceOrder}',
      priority: 'HIGH',
      status: '',
    });
    expect(saved?.id).toMatch(/^p-/);
  });

  it('says where a preset without a workspace sends its items', async () => {
    await presetsItem.setValue([{ ...customsHold, domain: '', workspace: '' }]);
    await renderForm();
    expect(
      within(presetGroup('Customs hold')).getByText('Goes to the workspace of the settings'),
    ).toBeTruthy();
  });

  it('refuses an unknown placeholder beside the title, saves nothing and keeps what was typed', async () => {
    await presetsItem.setValue([customsHold]);
    const user = await renderForm();
    const preset = presetGroup('Customs hold');
    await fill(user, within(preset).getByLabelText('Category'), 'Customs');
    const title = within(preset).getByLabelText('Title template');
    await fill(user, title, 'Claim SO {so}');
    await user.click(screen.getByRole('button', { name: 'Save presets' }));

    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(description(title)).toContain('Unknown placeholder {so}');
    expect(document.activeElement).toBe(title);
    expect(await presetsItem.getValue()).toEqual([customsHold]);
    expect((title as HTMLInputElement).value).toBe('Claim SO {so}');
    expect((within(preset).getByLabelText('Category') as HTMLInputElement).value).toBe('Customs');
    expect(screen.queryByText('Presets saved.')).toBeNull();

    // Mended, it is saved.
    await fill(user, title, 'Claim SO {serviceOrder}');
    expect(title.getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save presets' }));
    expect(await screen.findByText('Presets saved.')).toBeTruthy();
    expect(await presetsItem.getValue()).toEqual([
      { ...customsHold, category: 'Customs', title: 'Claim SO {serviceOrder}' },
    ]);
  });

  it('refuses a workspace that makes no key, beside the workspace', async () => {
    await presetsItem.setValue([customsHold]);
    const user = await renderForm();
    const preset = presetGroup('Customs hold');
    await fill(user, within(preset).getByLabelText('Domain'), 'imp nld');
    const workspace = within(preset).getByLabelText('Workspace');
    await fill(user, workspace, 'x y');
    expect(within(preset).getByText(/not a valid key/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save presets' }));

    await waitFor(() => expect(workspace.getAttribute('aria-invalid')).toBe('true'));
    expect(description(workspace)).toMatch(/which is not a workspace key/);
    expect(within(preset).getByLabelText('Domain').getAttribute('aria-invalid')).toBeNull();
    expect(await presetsItem.getValue()).toEqual([customsHold]);
  });

  it('shows each problem in its own preset, and saves none while one has a problem', async () => {
    await presetsItem.setValue([customsHold]);
    const user = await renderForm();
    await user.click(screen.getByRole('button', { name: 'Add preset' }));
    await user.click(screen.getByRole('button', { name: 'Save presets' }));
    const name = within(presetGroup('Preset 2')).getByLabelText('Name');
    await waitFor(() => expect(description(name)).toContain('A preset needs a name.'));
    expect(
      within(presetGroup('Customs hold')).getByLabelText('Name').getAttribute('aria-invalid'),
    ).toBeNull();
    expect(await presetsItem.getValue()).toEqual([customsHold]);
  });

  it('removes a preset when saved without it', async () => {
    await presetsItem.setValue([customsHold, { ...customsHold, id: 'p-other', name: 'Hose leak' }]);
    const user = await renderForm();
    await user.click(screen.getByRole('button', { name: 'Remove Customs hold' }));
    expect(screen.queryByRole('group', { name: 'Customs hold' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add preset' }));
    await user.click(screen.getByRole('button', { name: 'Save presets' }));
    await screen.findByText('Presets saved.');
    expect((await presetsItem.getValue()).map((preset) => preset.name)).toEqual(['Hose leak']);
  });

  it('imports a file into the editor, unsaved until Save', async () => {
    await presetsItem.setValue([customsHold]);
    const user = await renderForm();
    const file = presetsFile([
      { ...customsHold, category: 'Customs' }, // the same id: replaces the one here
      { ...emptyPreset('p-hose-leak'), name: 'Hose leak', todoType: 'TASK' },
    ]);
    await user.upload(screen.getByLabelText('Import presets (JSON)'), jsonFile(file));

    expect(await screen.findByText('2 presets imported: check them and save.')).toBeTruthy();
    expect(screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Customs hold',
      'Hose leak',
    ]);
    expect((within(presetGroup('Customs hold')).getByLabelText('Category') as HTMLInputElement).value).toBe(
      'Customs',
    );
    expect(await presetsItem.getValue()).toEqual([customsHold]);

    await user.click(screen.getByRole('button', { name: 'Save presets' }));
    await screen.findByText('Presets saved.');
    expect((await presetsItem.getValue()).map((preset) => [preset.name, preset.category])).toEqual([
      ['Customs hold', 'Customs'],
      ['Hose leak', ''],
    ]);
  });

  it('refuses a file that is not a preset list beside the file input, and changes nothing', async () => {
    await presetsItem.setValue([customsHold]);
    const user = await renderForm();
    const preset = presetGroup('Customs hold');
    await fill(user, within(preset).getByLabelText('Category'), 'typed, not saved');
    const input = screen.getByLabelText('Import presets (JSON)');
    await user.upload(input, jsonFile(JSON.stringify({ siteRules: [] })));

    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(description(input)).toContain('This file is not a list of presets.');
    expect(screen.getByRole('alert').textContent).toBe('This file is not a list of presets.');
    expect(screen.getAllByRole('group')).toHaveLength(1);
    expect((within(preset).getByLabelText('Category') as HTMLInputElement).value).toBe('typed, not saved');
    expect(await presetsItem.getValue()).toEqual([customsHold]);
  });

  it('refuses a file with one bad preset, naming it', async () => {
    const user = await renderForm();
    const input = screen.getByLabelText('Import presets (JSON)');
    await user.upload(input, jsonFile(JSON.stringify([{ name: 'Typo', title: '{so}' }])));
    await waitFor(() => expect(description(input)).toContain('Preset 1 (Typo) in this file: title:'));
    expect(screen.queryAllByRole('group')).toHaveLength(0);
  });

  it('exports the saved presets as bzctrl-presets.json', async () => {
    await presetsItem.setValue([customsHold]);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:presets';
    });
    const links: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      links.push(this);
    });
    const user = await renderForm();
    await user.click(screen.getByRole('button', { name: 'Export presets' }));

    expect(links.map((link) => [link.download, link.href])).toEqual([[PRESETS_FILE_NAME, 'blob:presets']]);
    expect(await blobs[0]?.text()).toBe(presetsFile([customsHold]));
  });

  it('does not read a file larger than any list of presets', async () => {
    const user = await renderForm();
    const read = vi.spyOn(File.prototype, 'text');
    const input = screen.getByLabelText('Import presets (JSON)');
    await user.upload(input, jsonFile(' '.repeat(MAX_PRESET_FILE_BYTES + 1)));
    await waitFor(() =>
      expect(description(input)).toContain('This file is too large to be a list of presets.'),
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('shows the organisation’s presets locked, and those it would refuse with why', async () => {
    await fakeBrowser.storage.managed.set({
      presets: [
        {
          name: 'Terminal default',
          urlPatterns: ['tos.example.com'],
          domain: 'IMP-NLD-EXA',
          workspace: 'OPS',
        },
        { name: 'Broken', title: '{nope}' },
      ],
    });
    await presetsItem.setValue([customsHold]);
    await renderForm();

    const locked = await screen.findByText('Set by your organisation (tried first)');
    const list = locked.parentElement as HTMLElement;
    expect(list.textContent).toContain('Terminal default');
    expect(list.textContent).toContain('tos.example.com');
    expect(list.textContent).toContain('Goes to IMP-NLD-EXA-OPS');
    // Nothing of it can be edited: no control holds it, and only the user's preset is a fieldset.
    expect(within(list).queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByDisplayValue('Terminal default')).toBeNull();
    expect(screen.getAllByRole('group').map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Customs hold',
    ]);

    const refused = screen.getByText('Set by your organisation, not used').parentElement as HTMLElement;
    expect(refused.textContent).toContain('Broken');
    expect(refused.textContent).toContain('Unknown placeholder {nope}');
  });

  it('shows a preset saved elsewhere, and keeps unsaved edits when there are some', async () => {
    await presetsItem.setValue([customsHold]);
    const user = await renderForm();
    const hoseLeak = { ...emptyPreset('p-hose-leak'), name: 'Hose leak' };

    // No edits: the popup's "Save as preset" shows up at once.
    await act(() => presetsItem.setValue([customsHold, hoseLeak]));
    expect(await screen.findByRole('group', { name: 'Hose leak' })).toBeTruthy();

    // With edits: those stay, and a note says what happened.
    await fill(user, within(presetGroup('Hose leak')).getByLabelText('Category'), 'Safety');
    await act(() =>
      presetsItem.setValue([customsHold, hoseLeak, { ...hoseLeak, id: 'p-third', name: 'Third' }]),
    );
    expect(
      await screen.findByText('Presets changed elsewhere: save to keep yours, or reload the page.'),
    ).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Third' })).toBeNull();
    expect((within(presetGroup('Hose leak')).getByLabelText('Category') as HTMLInputElement).value).toBe(
      'Safety',
    );
  });
});
