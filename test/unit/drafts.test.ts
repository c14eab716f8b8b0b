import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type Draft,
  discardDraft,
  draftForPage,
  draftsItem,
  findDraft,
  markDraftSent,
  saveDraft,
  sentDraftsItem,
} from '@/lib/drafts';
import { incidentForm, setUpFakeBrowser, taskForm } from './helpers';

setUpFakeBrowser();

const DRAFT_LIMIT = 20;

function draft(id: string, overrides: Partial<Draft> = {}): Draft {
  return {
    id,
    tabId: 7,
    values: incidentForm(),
    typed: ['title', 'description'],
    updatedAt: 1_000,
    ...overrides,
  };
}

const storedIds = async () => (await draftsItem.getValue()).map((stored) => stored.id);

describe('saveDraft', () => {
  it('keeps a draft so that it can be found again', async () => {
    const saved = draft('draft-a');
    await saveDraft(saved);
    expect(await draftsItem.getValue()).toEqual([saved]);
  });

  it('keeps the newest draft first', async () => {
    await saveDraft(draft('draft-a'));
    await saveDraft(draft('draft-b'));
    await saveDraft(draft('draft-c'));
    expect(await storedIds()).toEqual(['draft-c', 'draft-b', 'draft-a']);
  });

  it('replaces the draft with the same id, moving it to the front', async () => {
    await saveDraft(draft('draft-a'));
    await saveDraft(draft('draft-b'));
    const typedOn = draft('draft-a', { values: incidentForm({ title: 'Typed further' }), updatedAt: 2_000 });

    await saveDraft(typedOn);

    expect(await draftsItem.getValue()).toEqual([typedOn, draft('draft-b')]);
  });

  it(`keeps at most ${DRAFT_LIMIT} drafts, dropping the oldest`, async () => {
    for (let index = 0; index <= DRAFT_LIMIT; index += 1) await saveDraft(draft(`draft-${index}`));

    const ids = await storedIds();
    expect(ids).toHaveLength(DRAFT_LIMIT);
    expect(ids[0]).toBe(`draft-${DRAFT_LIMIT}`);
    expect(ids).not.toContain('draft-0');
    expect(ids).toContain('draft-1');
  });

  it('keeps drafts in the session area only, not in local storage', async () => {
    await saveDraft(draft('draft-a'));
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get())).toContain('drafts');
  });
});

describe('draftForPage', () => {
  const seal = draft('draft-777', { values: incidentForm({ orderID: '7770142', title: 'Seal broken' }) });
  const loose = draft('draft-none', { values: incidentForm({ orderID: '', title: 'Gate closed' }) });

  it('restores the draft of the service order the page shows', () => {
    expect(draftForPage([loose, seal], '7770142')).toBe(seal);
  });

  it('puts no draft of another service order under the one the page shows, but one of none', () => {
    expect(draftForPage([seal], '8880001')).toBeUndefined();
    expect(draftForPage([seal, loose], '8880001')).toBe(loose);
  });

  it('restores the latest when the page shows no service order', () => {
    expect(draftForPage([seal, loose], undefined)).toBe(seal);
  });
});

describe('findDraft', () => {
  it('finds the latest draft of the tab when no service order is given', async () => {
    await saveDraft(draft('draft-older', { tabId: 7 }));
    await saveDraft(draft('draft-latest', { tabId: 7 }));
    await saveDraft(draft('draft-other-tab', { tabId: 8 }));

    await expect(findDraft(7)).resolves.toMatchObject({ id: 'draft-latest' });
    await expect(findDraft(8)).resolves.toMatchObject({ id: 'draft-other-tab' });
  });

  it('finds a draft not bound to any tab only for a form not bound to any tab', async () => {
    await saveDraft(draft('draft-no-tab', { tabId: null }));

    await expect(findDraft(null)).resolves.toMatchObject({ id: 'draft-no-tab' });
    await expect(findDraft(7)).resolves.toBeUndefined();
  });

  it('finds the draft of the tab for the service order that was brought', async () => {
    await saveDraft(draft('draft-777', { values: incidentForm({ orderID: '7770142' }) }));
    await saveDraft(draft('draft-555', { values: taskForm({ orderID: '5550001' }) }));

    await expect(findDraft(7, '7770142')).resolves.toMatchObject({ id: 'draft-777' });
    await expect(findDraft(7, '5550001')).resolves.toMatchObject({ id: 'draft-555' });
  });

  it('does not restore another service order’s draft, nor one of another tab', async () => {
    await saveDraft(draft('draft-555', { tabId: 7, values: taskForm({ orderID: '5550001' }) }));
    await saveDraft(draft('draft-777-elsewhere', { tabId: 8, values: incidentForm({ orderID: '7770142' }) }));

    await expect(findDraft(7, '7770142')).resolves.toBeUndefined();
  });

  it('finds nothing when there is no draft', async () => {
    await expect(findDraft(7)).resolves.toBeUndefined();
  });

  it('restores which fields the user typed in, as the draft says', async () => {
    await saveDraft(draft('draft-a', { typed: ['title', 'lrn'] }));
    await expect(findDraft(7)).resolves.toMatchObject({ typed: ['title', 'lrn'] });
  });

  it('takes the fields that differ from an empty form as typed, for a draft of a version that did not say', async () => {
    const values = { ...incidentForm(), assignee: 'someone.else@example.com', priority: '' as const };
    const { typed: _none, ...older } = draft('draft-old', { values });
    await draftsItem.setValue([older as Draft]);
    const restored = await findDraft(7);
    // Title, description and service order were typed; the assignee was changed from the reporter.
    expect(restored?.typed.sort()).toEqual(['assignee', 'description', 'orderID', 'title'].sort());
  });
});

describe('discardDraft', () => {
  it('removes only the draft with that id', async () => {
    await saveDraft(draft('draft-a'));
    await saveDraft(draft('draft-b'));

    await discardDraft('draft-a');

    expect(await storedIds()).toEqual(['draft-b']);
    await expect(findDraft(7)).resolves.toMatchObject({ id: 'draft-b' });
  });

  it('changes nothing for an unknown id', async () => {
    await saveDraft(draft('draft-a'));
    await discardDraft('no-such-draft');
    expect(await storedIds()).toEqual(['draft-a']);
  });
});

describe('a draft the worker sent', () => {
  it('is not restored, and the next save drops it; the other drafts stay', async () => {
    // The sent draft is the newest, and for the same service order: the one restored, unless left out.
    await saveDraft(draft('other-draft'));
    await saveDraft(draft('sent-draft'));

    await markDraftSent('sent-draft');

    // The worker wrote only its own list: the drafts are as the form left them.
    expect(await storedIds()).toEqual(['sent-draft', 'other-draft']);
    await expect(findDraft(7)).resolves.toMatchObject({ id: 'other-draft' });
    expect(await findDraft(7, incidentForm().orderID)).toMatchObject({ id: 'other-draft' });
    await saveDraft(draft('third-draft'));
    expect(await storedIds()).toEqual(['third-draft', 'other-draft']);
  });

  it('is noted once, and the list of sent drafts stays bounded', async () => {
    await markDraftSent('sent-0');
    await markDraftSent('sent-0');
    expect(await sentDraftsItem.getValue()).toEqual(['sent-0']);
    for (let index = 1; index <= 120; index += 1) await markDraftSent(`sent-${index}`);
    const sent = await sentDraftsItem.getValue();
    expect(sent).toHaveLength(100);
    expect(sent[0]).toBe('sent-120');
  });
});
