import { describe, expect, it } from 'vitest';
import { addTaskRequestSchema } from '@/lib/bzctrl/add-task';
import { addTaskResponseSchema } from '@/lib/bzctrl/responses';
import {
  fieldRules,
  isCalendarDate,
  LEVELS,
  levelSchema,
  STATUSES,
  statusSchema,
  TODO_TYPES,
  toDomainWorkSpace,
  todoTypeSchema,
  workspaceKeyFromUrl,
} from '@/lib/bzctrl/schema';

const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

// The smallest add-task bodies the contract allows.
const minimalTask = {
  todoType: 'TASK',
  domainWorkSpace: 'VTT-NLD-TML-FIN',
  title: 'Hose leak',
  description: 'Seen at jetty 3',
  status: 'INPROGRESS',
  assignee: 'rge@vtti.com',
  reporter: 'user@vtti.com',
  orderID: '7770142',
} as const;
const minimalIncident = { ...minimalTask, todoType: 'INCIDENT', domainWorkSpace: 'IMP-NLD-EXA-SWA' } as const;

describe('allowed values of CONTRACT.md', () => {
  it('lists exactly the contract values for todoType, status and the LOW/MEDIUM/HIGH levels', () => {
    expect([...TODO_TYPES].sort()).toEqual(['INCIDENT', 'TASK']);
    expect([...STATUSES].sort()).toEqual(['DONE', 'INPROGRESS', 'TODO']);
    expect([...LEVELS].sort()).toEqual(['HIGH', 'LOW', 'MEDIUM']);
  });

  it.each(['TASK', 'INCIDENT'])('accepts todoType %s', (value) => {
    expect(accepts(todoTypeSchema, value)).toBe(true);
  });

  it.each(['task', 'Incident', 'BUG', ''])('rejects todoType %j', (value) => {
    expect(accepts(todoTypeSchema, value)).toBe(false);
  });

  it.each(['TODO', 'INPROGRESS', 'DONE'])('accepts status %s', (value) => {
    expect(accepts(statusSchema, value)).toBe(true);
  });

  // "IN PROGRESS" is the seed's typo and EXPIRED is BzCtrl's own status: neither is ever sent.
  it.each(['IN PROGRESS', 'EXPIRED', 'In Progress', 'inprogress', ''])('rejects status %j', (value) => {
    expect(accepts(statusSchema, value)).toBe(false);
  });

  it.each(['LOW', 'MEDIUM', 'HIGH'])('accepts level %s for priority, impact and likelihood', (value) => {
    expect(accepts(levelSchema, value)).toBe(true);
    for (const key of ['priority', 'impact', 'likelihood']) {
      expect(accepts(addTaskRequestSchema, { ...minimalIncident, [key]: value })).toBe(true);
    }
  });

  it.each(['High', 'low', 'CRITICAL', ''])('rejects level %j', (value) => {
    expect(accepts(levelSchema, value)).toBe(false);
  });
});

describe('field rules', () => {
  it.each(['123', '1250.50', '0', '0.5'])('accepts the EUR amount %j as financialImpact', (value) => {
    expect(accepts(fieldRules.financialImpact, value)).toBe(true);
  });

  it.each(['-1', '12,50', '1e3', 'abc', '', '€12', '12.'])('rejects %j as financialImpact', (value) => {
    expect(accepts(fieldRules.financialImpact, value)).toBe(false);
  });

  it.each(['2024-02-29', '2023-12-31', '2024-09-27'])('accepts the calendar date %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
    expect(accepts(fieldRules.reminderDate, value)).toBe(true);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-04-31',
    '2024-9-27',
    '27-09-2024',
    '2024-09-27T00:00',
    '',
  ])('rejects %j as reminderDate', (value) => {
    expect(isCalendarDate(value)).toBe(false);
    expect(accepts(fieldRules.reminderDate, value)).toBe(false);
  });

  it.each(['A', '24NLLRN0004471', 'BE24ATP0000123456', 'A'.repeat(22)])('accepts the LRN %j', (value) => {
    expect(accepts(fieldRules.lrn, value)).toBe(true);
  });

  it.each(['', 'A'.repeat(23), 'NL-123', 'NL 123', 'LRN/1'])('rejects %j as LRN', (value) => {
    expect(accepts(fieldRules.lrn, value)).toBe(false);
  });

  it.each(['rge@vtti.com', ' user@vtti.com '])('accepts the e-mail address %j', (value) => {
    expect(accepts(fieldRules.assignee, value)).toBe(true);
  });

  it.each(['', 'rge', 'rge@', '@vtti.com', 'rge vtti.com'])('rejects %j as an e-mail address', (value) => {
    expect(accepts(fieldRules.assignee, value)).toBe(false);
  });

  it.each(['', '   '])('rejects a blank title %j', (value) => {
    expect(accepts(fieldRules.title, value)).toBe(false);
    expect(accepts(fieldRules.description, value)).toBe(false);
    expect(accepts(fieldRules.orderID, value)).toBe(false);
  });
});

describe('addTaskRequestSchema', () => {
  it('accepts the minimal Task and Incident bodies', () => {
    expect(accepts(addTaskRequestSchema, minimalTask)).toBe(true);
    expect(accepts(addTaskRequestSchema, minimalIncident)).toBe(true);
  });

  it.each(['domainWorkSpace', 'title', 'description', 'status', 'assignee', 'reporter', 'orderID'])(
    'rejects a body without the required key %s',
    (key) => {
      const { [key as keyof typeof minimalTask]: _left, ...body } = minimalTask;
      expect(accepts(addTaskRequestSchema, body)).toBe(false);
    },
  );

  it.each(['LRN', 'domain', 'workspace', 'dueDate'])('is strict: rejects the unknown key %s', (key) => {
    expect(accepts(addTaskRequestSchema, { ...minimalTask, [key]: 'x' })).toBe(false);
  });

  it.each(['financialImpact', 'impact', 'likelihood'])('rejects a Task that carries %s', (key) => {
    const value = key === 'financialImpact' ? '123' : 'HIGH';
    expect(accepts(addTaskRequestSchema, { ...minimalIncident, [key]: value })).toBe(true);
    expect(accepts(addTaskRequestSchema, { ...minimalTask, [key]: value })).toBe(false);
  });

  it('rejects an Incident that carries result', () => {
    expect(accepts(addTaskRequestSchema, { ...minimalTask, result: 'Fixed' })).toBe(true);
    expect(accepts(addTaskRequestSchema, { ...minimalIncident, result: 'Fixed' })).toBe(false);
  });

  it('rejects the seed typo status "IN PROGRESS"', () => {
    expect(accepts(addTaskRequestSchema, { ...minimalTask, status: 'IN PROGRESS' })).toBe(false);
  });

  it('rejects an empty string for an optional key', () => {
    expect(accepts(addTaskRequestSchema, { ...minimalIncident, financialImpact: '' })).toBe(false);
    expect(accepts(addTaskRequestSchema, { ...minimalTask, lrn: '' })).toBe(false);
    expect(accepts(addTaskRequestSchema, { ...minimalTask, category: [] })).toBe(false);
  });

  it.each(['imp-nld-exa-swa', 'SWA', 'IMP NLD', 'IMP-', ''])('rejects the workspace key %j', (key) => {
    expect(accepts(addTaskRequestSchema, { ...minimalTask, domainWorkSpace: key })).toBe(false);
  });
});

describe('addTaskResponseSchema', () => {
  it('accepts the contract sample with unknown extra keys', () => {
    const sample = {
      title: 'Potential Customs claim',
      taskType: 'INCIDENT',
      description: 'Operation started without proper approvals',
      taskLink: 'https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03',
      tags: ['SO 777'],
      id: 42,
    };
    expect(addTaskResponseSchema.parse(sample)).toMatchObject({ taskLink: sample.taskLink });
  });

  it.each([{}, { taskLink: '' }, { taskLink: 'not a url' }])(
    'rejects an answer without a taskLink: %j',
    (body) => {
      expect(accepts(addTaskResponseSchema, body)).toBe(false);
    },
  );
});

describe('domainWorkSpace rule', () => {
  it('keeps a domain that already ends in -<workspace>', () => {
    expect(toDomainWorkSpace('IMP-NLD-EXA-SWA', 'SWA')).toBe('IMP-NLD-EXA-SWA');
  });

  it('appends the workspace to a domain that does not end in it', () => {
    expect(toDomainWorkSpace('VTT-NLD-TML', 'FIN')).toBe('VTT-NLD-TML-FIN');
  });

  it('upper-cases and trims what was typed', () => {
    expect(toDomainWorkSpace(' vtt-nld-tml ', ' fin ')).toBe('VTT-NLD-TML-FIN');
    expect(toDomainWorkSpace('imp-nld-exa-swa', 'swa')).toBe('IMP-NLD-EXA-SWA');
  });

  it('does not take a workspace that merely ends the domain without a dash as its suffix', () => {
    expect(toDomainWorkSpace('VTT-NLD-XFIN', 'FIN')).toBe('VTT-NLD-XFIN-FIN');
  });

  it('takes the key out of a pasted task link, without the item number', () => {
    expect(toDomainWorkSpace('https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03', 'SWA')).toBe(
      'IMP-NLD-EXA-SWA',
    );
    expect(workspaceKeyFromUrl('https://www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03')).toBe(
      'IMP-NLD-EXA-SWA',
    );
  });

  it('takes the key out of a pasted workspace URL', () => {
    expect(workspaceKeyFromUrl('https://www.bzctrl.com/app/#/workspace/VTT-BEL-ATP')).toBe('VTT-BEL-ATP');
    expect(toDomainWorkSpace('', 'https://www.bzctrl.com/app/#/workspace/VTT-BEL-ATP')).toBe('VTT-BEL-ATP');
  });

  it.each(['IMP-NLD-EXA-SWA', 'www.bzctrl.com/app/#/todo/IMP-NLD-EXA-SWA-03', 'SWA', ''])(
    'finds no key in the non-URL text %j',
    (text) => {
      expect(workspaceKeyFromUrl(text)).toBeNull();
    },
  );
});
