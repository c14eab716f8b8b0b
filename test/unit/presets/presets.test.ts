import { describe, expect, it } from 'vitest';
import { emptyReportForm } from '@/lib/bzctrl/report-form';
import { originLine, presetFormValues, withPreset } from '@/lib/presets/apply';
import { mergeImported, presetsFile, readPresetsFile } from '@/lib/presets/file';
import { presetById } from '@/lib/presets/in-force';
import { presetForPage, presetsForPage } from '@/lib/presets/matching';
import { policyPresets } from '@/lib/presets/policy';
import { emptyPreset, type Preset, presetSchema, presetWorkspaceKey } from '@/lib/presets/preset';
import { fillTemplate, localDate, unknownPlaceholders } from '@/lib/presets/templates';

function preset(name: string, overrides: Partial<Preset> = {}): Preset {
  return { ...emptyPreset(`id-${name.replace(/\W/g, '')}`), name, ...overrides };
}

const customsHold = preset('Customs hold', {
  urlPatterns: ['tos.example.com'],
  todoType: 'INCIDENT',
  title: 'Possible customs claim SO {serviceOrder}',
  description: 'LRN {lrn} held on {date} ({pageTitle}).',
  category: 'Customs',
  priority: 'HIGH',
});

describe('templates', () => {
  const values = { serviceOrder: '777', lrn: '24NL1', pageTitle: 'Discharge', date: '2026-12-04' };

  it('fills each placeholder, as often as it stands', () => {
    expect(fillTemplate('{serviceOrder}/{lrn}/{serviceOrder} {pageTitle} {date}', values)).toBe(
      '777/24NL1/777 Discharge 2026-12-04',
    );
  });

  it('leaves braces that are not placeholders as they are', () => {
    expect(fillTemplate('a {b} {1,2} { serviceOrder }', values)).toBe('a {b} {1,2} { serviceOrder }');
  });

  it('names the unknown placeholders, each once', () => {
    expect(unknownPlaceholders('{so} {lrn} {so} {Date}')).toEqual(['so', 'Date']);
    expect(unknownPlaceholders('{serviceOrder} {lrn} {pageTitle} {date} {1} { } {1,2}')).toEqual([]);
  });

  it('refuses what looks meant as a placeholder but is not one', () => {
    expect(unknownPlaceholders('{service_order} { lrn } {page-title} {lrn2}')).toEqual([
      'service_order',
      'lrn',
      'page-title',
      'lrn2',
    ]);
  });

  it('writes the date as YYYY-MM-DD in local time', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('presetSchema', () => {
  it('takes a complete preset', () => {
    expect(presetSchema.safeParse(customsHold).success).toBe(true);
  });

  it('refuses a template with an unknown placeholder, on its field, naming it', () => {
    const result = presetSchema.safeParse({ ...customsHold, title: 'SO {so}' });
    expect(result.error?.issues[0]?.path).toEqual(['title']);
    expect(result.error?.issues[0]?.message).toContain('{so}');
    expect(result.error?.issues[0]?.message).toContain('{serviceOrder}');
  });

  it('refuses a workspace that makes no key, on the workspace field', () => {
    const result = presetSchema.safeParse({ ...customsHold, domain: 'not a key', workspace: 'x y' });
    expect(result.error?.issues[0]?.path).toEqual(['workspace']);
    expect(result.error?.issues[0]?.message).toContain('workspace key');
  });

  it('takes a domain and workspace that make a key, and none at all', () => {
    const withKey = { ...customsHold, domain: 'IMP-NLD-EXA', workspace: 'RTM' };
    expect(presetSchema.safeParse(withKey).success).toBe(true);
    expect(presetWorkspaceKey(withKey)).toBe('IMP-NLD-EXA-RTM');
    expect(presetWorkspaceKey(customsHold)).toBe('');
  });

  it('refuses a blank name, a bad URL pattern and an unknown level', () => {
    expect(presetSchema.safeParse({ ...customsHold, name: '  ' }).error?.issues[0]?.path).toEqual(['name']);
    const badPattern = presetSchema.safeParse({
      ...customsHold,
      urlPatterns: ['http://x/*', 'not a pattern/x'],
    });
    expect(badPattern.error?.issues[0]?.message).toContain('not a pattern/x');
    expect(presetSchema.safeParse({ ...customsHold, priority: 'URGENT' }).success).toBe(false);
  });
});

describe('matching', () => {
  const managed = { preset: preset('Terminal', { urlPatterns: ['https://*.example.com/*'] }), managed: true };
  const own = { preset: customsHold, managed: false };
  const manual = { preset: preset('By hand only'), managed: false };
  const presets = [managed, own, manual];

  it('chooses the first preset whose pattern fits, the policy first, and says which pattern', () => {
    expect(presetForPage(presets, 'https://tos.example.com/orders/1')).toEqual({
      ...managed,
      pattern: 'https://*.example.com/*',
    });
    expect(presetForPage([own, managed], 'http://tos.example.com/')?.preset.name).toBe('Customs hold');
  });

  it('lists every preset that fits, in the order they are tried', () => {
    expect(presetsForPage(presets, 'https://tos.example.com/').map((match) => match.preset.name)).toEqual([
      'Terminal',
      'Customs hold',
    ]);
  });

  it('never chooses a preset without patterns, nor one for another site', () => {
    expect(presetForPage(presets, 'https://other.test/')).toBeUndefined();
    expect(presetForPage(presets, '')).toBeUndefined();
  });

  it('finds a preset by id, and nothing for an id that is gone', () => {
    expect(presetById(presets, customsHold.id)).toBe(own);
    expect(presetById(presets, 'gone')).toBeUndefined();
    expect(presetById(presets, undefined)).toBeUndefined();
  });

  it('finds the last of a hundred presets', () => {
    const many = Array.from({ length: 100 }, (_, index) => ({
      preset: preset(`P${index}`, { urlPatterns: [`https://host${index}.example.com/*`] }),
      managed: false,
    }));
    expect(presetForPage(many, 'https://host99.example.com/x')?.preset.name).toBe('P99');
  });
});

describe('presetFormValues', () => {
  const blank = emptyReportForm('TASK', 'op@example.com');
  const page = { url: 'https://tos.example.com/orders/777', title: '  Discharge\n list ' };
  const context = { blank, orderID: ' 777 ', lrn: '24NL1', page, withOrigin: true, today: '2026-12-04' };

  it('fills the templates from the form and the page, and adds the origin line', () => {
    const values = presetFormValues(customsHold, context);
    expect(values.todoType).toBe('INCIDENT');
    expect(values.title).toBe('Possible customs claim SO 777');
    expect(values.description).toBe(
      'LRN 24NL1 held on 2026-12-04 (Discharge list).\n\nReported from: Discharge list — https://tos.example.com/orders/777',
    );
    expect(values.priority).toBe('HIGH');
    expect(values.category).toBe('Customs');
    // Not set by the preset: the form's own.
    expect(values.status).toBe(blank.status);
  });

  it('without a preset: the blank form, with only the origin line', () => {
    const values = presetFormValues(undefined, context);
    expect(values.todoType).toBe('TASK');
    expect(values.title).toBe('');
    expect(values.description).toBe('Reported from: Discharge list — https://tos.example.com/orders/777');
  });

  it('leaves the origin line out when the setting is off, or when there is no page', () => {
    expect(presetFormValues(customsHold, { ...context, withOrigin: false }).description).toBe(
      'LRN 24NL1 held on 2026-12-04 (Discharge list).',
    );
    expect(presetFormValues(undefined, { ...context, page: undefined }).description).toBe('');
  });

  it('names the address alone where the page has no title', () => {
    expect(originLine({ url: 'https://x.test/a', title: ' ' })).toBe('Reported from: https://x.test/a');
  });

  it('changes only the fields the user has not typed in', () => {
    const values = { ...blank, title: 'My own', orderID: '777' };
    const applied = withPreset(values, presetFormValues(customsHold, context), ['title']);
    expect(applied.title).toBe('My own');
    expect(applied.todoType).toBe('INCIDENT');
    expect(applied.orderID).toBe('777');
    expect(applied.assignee).toBe('op@example.com');
  });
});

describe('preset files', () => {
  it('reads back what it exported', () => {
    expect(readPresetsFile(presetsFile([customsHold]))).toEqual({ ok: true, presets: [customsHold] });
  });

  it('takes a plain list, and fills in what a hand-written preset leaves out', () => {
    const result = readPresetsFile(JSON.stringify([{ name: 'Re-weigh', title: 'Re-weigh {serviceOrder}' }]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.presets[0]).toMatchObject({
      name: 'Re-weigh',
      urlPatterns: [],
      priority: '',
      todoType: '',
    });
    expect(result.presets[0]?.id).toMatch(/^p-/);
  });

  it.each([
    ['not JSON', 'name: x', 'not JSON'],
    ['not a list', '{"rules": []}', 'not a list of presets'],
    ['an empty list', '[]', 'no presets'],
    ['a list of numbers', '[1, 2]', 'Preset 1'],
  ])('refuses %s, saying why', (_, text, message) => {
    const result = readPresetsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('refuses the whole file for one bad preset, naming it and its problem', () => {
    const text = JSON.stringify([customsHold, { ...customsHold, id: 'b', name: 'Typo', title: '{so}' }]);
    const result = readPresetsFile(text);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Preset 2 (Typo)') });
    if (!result.ok) expect(result.message).toContain('{so}');
  });

  it('replaces a preset of the same id and adds the others after', () => {
    const edited = { ...customsHold, name: 'Customs hold (new)' };
    const other = preset('Re-weigh');
    expect(mergeImported([customsHold, preset('Kept')], [other, edited]).map((p) => p.name)).toEqual([
      'Customs hold (new)',
      'Kept',
      'Re-weigh',
    ]);
  });
});

describe('policyPresets', () => {
  it('uses the valid ones, locked ids by place, and reports the others with why', () => {
    const { presets, refused } = policyPresets({
      presets: [
        { name: 'Org hold', urlPatterns: ['tos.example.com'], title: 'Hold {serviceOrder}' },
        { name: 'Bad', title: '{orderNumber}' },
        'not a preset',
      ],
    });
    expect(presets.map((p) => [p.id, p.name])).toEqual([['policy-1', 'Org hold']]);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.reasons[0]).toContain('{orderNumber}');
  });

  it('reports a presets value that is not a list', () => {
    expect(policyPresets({ presets: 'x' }).refused).toHaveLength(1);
    expect(policyPresets({}).presets).toEqual([]);
  });
});
