// @vitest-environment happy-dom
// The preset in use in the popup, and the edges of presets: the type fixed by a typed field, the
// origin line's address, ids from the policy and from files, and the organisation's workspaces.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePresetChoice } from '@/entrypoints/popup/use-preset-choice';
import { emptyReportForm } from '@/lib/bzctrl/report-form';
import { fieldsToFill, originUrl, presetFormValues, withPreset } from '@/lib/presets/apply';
import { readPresetsFile } from '@/lib/presets/file';
import { policyPresetId, policyPresetKeys } from '@/lib/presets/ids';
import { emptyPreset, type Preset } from '@/lib/presets/preset';

const preset = (id: string, name: string, overrides: Partial<Preset> = {}) => ({
  preset: { ...emptyPreset(id), name, ...overrides },
  managed: false,
});
const customs = preset('p-customs', 'Customs hold', { urlPatterns: ['tos.example.com'] });
const gate = preset('p-gate', 'Gate check', { urlPatterns: ['tos.example.com'] });
const PAGE = 'https://tos.example.com/orders/1';

describe('usePresetChoice', () => {
  it('chooses the first that fits the page, and says why', () => {
    const { result } = renderHook(() => usePresetChoice([customs, gate], undefined, undefined, PAGE));
    expect(result.current.active?.preset.name).toBe('Customs hold');
    expect(result.current.reason).toBe('Customs hold, for tos.example.com');
  });

  it('takes the menu’s preset over the page’s, and over an earlier draft’s choice', () => {
    const { result } = renderHook(() => usePresetChoice([customs, gate], 'p-gate', 'p-customs', PAGE));
    expect(result.current.active?.preset.name).toBe('Gate check');
    expect(result.current.reason).toBe('Gate check, chosen in the menu');
  });

  it('lets the user choose none, even after the menu named one', () => {
    const { result } = renderHook(() => usePresetChoice([customs, gate], 'p-gate', undefined, PAGE));
    act(() => result.current.choose(null));
    expect(result.current.active).toBeUndefined();
    expect(result.current.reason).toBeUndefined();
  });

  it('keeps the draft’s choice where no menu item named one', () => {
    const { result } = renderHook(() => usePresetChoice([customs, gate], undefined, null, PAGE));
    expect(result.current.active).toBeUndefined();
  });
});

describe('a typed field of one type', () => {
  it('fixes the type: a preset of the other type leaves it', () => {
    expect(fieldsToFill((field) => field === 'result')).not.toContain('todoType');
    expect(fieldsToFill(() => false)).toContain('todoType');
    const task = { ...emptyReportForm('TASK', ''), result: 'Re-weighed' };
    const incident = presetFormValues(preset('p', 'Claim', { todoType: 'INCIDENT' }).preset, {
      blank: emptyReportForm('INCIDENT', ''),
      orderID: '',
      lrn: '',
      page: undefined,
      withOrigin: false,
    });
    expect(withPreset(task, incident, ['result']).todoType).toBe('TASK');
  });
});

describe('the origin line’s address', () => {
  it('leaves out a user name, a password and the fragment, and is cut short', () => {
    expect(originUrl('https://op:secret@tos.example.com/orders/1?id=7#token=abc')).toBe(
      'https://tos.example.com/orders/1?id=7',
    );
    expect(originUrl(`https://tos.example.com/${'x'.repeat(2000)}`)).toHaveLength(500);
    expect(originUrl('not a url')).toBe('');
  });

  it('keeps a filled title within the title’s limit', () => {
    const long = presetFormValues(preset('p', 'Long', { title: '{pageTitle} {pageTitle}' }).preset, {
      blank: emptyReportForm('INCIDENT', ''),
      orderID: '',
      lrn: '',
      page: { url: PAGE, title: 'T'.repeat(300) },
      withOrigin: true,
    });
    expect(long.title).toHaveLength(255);
  });
});

describe('preset ids', () => {
  it('takes the policy’s own id where it gives one, else the place in the list', () => {
    expect(policyPresetId({ id: 'customs' }, 4)).toBe('policy-customs');
    expect(policyPresetId({ id: 'not ok!' }, 4)).toBe('policy-5');
    expect(policyPresetId('x', 0)).toBe('policy-1');
  });

  it('gives an imported preset a new id where it repeats one, or takes the organisation’s', () => {
    const file = JSON.stringify([
      { id: 'same', name: 'A' },
      { id: 'same', name: 'B' },
      { id: 'policy-1', name: 'C' },
    ]);
    const result = readPresetsFile(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.presets.map((entry) => entry.id);
    expect(ids[0]).toBe('same');
    expect(new Set(ids).size).toBe(3);
    expect(ids.some((id) => id.startsWith('policy-'))).toBe(false);
  });

  it('lists the workspaces the organisation’s presets send to', () => {
    expect(
      policyPresetKeys({ presets: [{ domain: 'VTT-BEL-ATP', workspace: 'ATP' }, { name: 'none' }, 'x'] }),
    ).toEqual(['VTT-BEL-ATP']);
  });
});
