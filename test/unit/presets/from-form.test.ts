import { describe, expect, it } from 'vitest';
import { presetFromForm, saveAsPreset } from '@/lib/presets/from-form';
import { presetsItem } from '@/lib/presets/preset';
import { incidentForm, setUpFakeBrowser } from '../helpers';

setUpFakeBrowser();

const page = { url: 'https://tos.example.com:8443/orders/777?x=1', title: 'Order 777' };

describe('presetFromForm', () => {
  it('keeps the form for this site, with the order’s values as placeholders and without the origin line', () => {
    const values = incidentForm({
      orderID: '7770142',
      lrn: '24NLLRN0004471',
      title: 'Customs claim 7770142',
      description:
        'LRN 24NLLRN0004471 held.\n\nReported from: Order 777 — https://tos.example.com:8443/orders/777?x=1',
      category: 'Customs',
      priority: 'HIGH',
    });
    const preset = presetFromForm(' Hold ', values, page, { domain: '', workspace: '' });
    expect(preset).toMatchObject({
      name: 'Hold',
      urlPatterns: ['tos.example.com'],
      todoType: 'INCIDENT',
      title: 'Customs claim {serviceOrder}',
      description: 'LRN {lrn} held.',
      category: 'Customs',
      priority: 'HIGH',
    });
  });

  it('leaves values too short to be told from ordinary text as they are', () => {
    const values = incidentForm({ orderID: '12', lrn: '', title: 'Lane 12 blocked' });
    expect(presetFromForm('Lane', values, page, { domain: '', workspace: '' }).title).toBe('Lane 12 blocked');
  });
});

describe('saveAsPreset', () => {
  it('saves it first among the user’s presets', async () => {
    const values = incidentForm({ title: 'Re-weigh' });
    const older = presetFromForm('Older', values, page, { domain: '', workspace: '' });
    const newer = presetFromForm('Newer', values, page, { domain: '', workspace: '' });
    await saveAsPreset(older);
    expect(await saveAsPreset(newer)).toEqual({ ok: true });
    expect((await presetsItem.getValue()).map((preset) => preset.name)).toEqual(['Newer', 'Older']);
  });

  it('saves nothing and says why when the form would make a preset the options page refuses', async () => {
    const values = incidentForm({ title: 'Claim {so}' });
    const result = await saveAsPreset(presetFromForm('Typo', values, page, { domain: '', workspace: '' }));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('{so}') });
    expect(await presetsItem.getValue()).toEqual([]);
  });
});
