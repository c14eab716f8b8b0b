// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ADD_TASK_PATH,
  type SpringError,
  setUpSandbox,
  VALID_INCIDENT,
  VALID_TASK,
} from './sandbox-client.js';

const sandbox = setUpSandbox();

/** A valid body with `changes` applied; a change to `undefined` leaves the key out. */
function bodyWith(
  base: Readonly<Record<string, unknown>>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...base, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete body[key];
  return body;
}

const EMPTY_OPTIONAL = 'optional keys with no value must be left out';

// [rule, base body, changes, the one field that fails, part of its message]
const REJECTED: [string, Readonly<Record<string, unknown>>, Record<string, unknown>, string, string][] = [
  ['upper-case LRN key', VALID_TASK, { LRN: '24NLLRN0004471' }, 'LRN', "did you mean 'lrn'"],
  ['seed UI key domain', VALID_TASK, { domain: 'IMP-NLD-EXA-SWA' }, 'domain', 'domainWorkSpace'],
  ['seed UI key workspace', VALID_TASK, { workspace: 'SWA' }, 'workspace', 'domainWorkSpace'],
  ['any other unknown key', VALID_TASK, { dueDate: '2024-09-27' }, 'dueDate', 'unknown key'],
  ['todoType missing', VALID_TASK, { todoType: undefined }, 'todoType', 'must not be null'],
  ['todoType outside TASK|INCIDENT', VALID_TASK, { todoType: 'BUG' }, 'todoType', 'TASK, INCIDENT'],
  ['todoType in lower case', VALID_TASK, { todoType: 'task' }, 'todoType', 'TASK, INCIDENT'],
  [
    'domainWorkSpace missing',
    VALID_TASK,
    { domainWorkSpace: undefined },
    'domainWorkSpace',
    'must not be null',
  ],
  ['domainWorkSpace blank', VALID_TASK, { domainWorkSpace: '  ' }, 'domainWorkSpace', 'must not be blank'],
  [
    'domainWorkSpace lower case',
    VALID_TASK,
    { domainWorkSpace: 'imp-nld-exa-swa' },
    'domainWorkSpace',
    'workspace key',
  ],
  ['domainWorkSpace one part', VALID_TASK, { domainWorkSpace: 'SWA' }, 'domainWorkSpace', 'workspace key'],
  [
    'domainWorkSpace with a space',
    VALID_TASK,
    { domainWorkSpace: 'IMP-NLD EXA' },
    'domainWorkSpace',
    'workspace key',
  ],
  ['title missing', VALID_TASK, { title: undefined }, 'title', 'must not be null'],
  ['title blank', VALID_TASK, { title: ' \n ' }, 'title', 'must not be blank'],
  ['title null', VALID_TASK, { title: null }, 'title', 'must not be null'],
  ['title not a string', VALID_TASK, { title: 42 }, 'title', 'must be a string'],
  ['description missing', VALID_TASK, { description: undefined }, 'description', 'must not be null'],
  ['description empty', VALID_TASK, { description: '' }, 'description', 'must not be blank'],
  [
    'result on an INCIDENT',
    VALID_INCIDENT,
    { result: 'Hose replaced' },
    'result',
    'only allowed when todoType is TASK',
  ],
  ['result empty', VALID_TASK, { result: '' }, 'result', EMPTY_OPTIONAL],
  [
    'financialImpact on a TASK',
    VALID_TASK,
    { financialImpact: '123' },
    'financialImpact',
    'todoType is INCIDENT',
  ],
  ['financialImpact as a JSON number', VALID_INCIDENT, { financialImpact: 123 }, 'financialImpact', 'EUR'],
  ['financialImpact negative', VALID_INCIDENT, { financialImpact: '-5' }, 'financialImpact', 'non-negative'],
  [
    'financialImpact decimal comma',
    VALID_INCIDENT,
    { financialImpact: '12,50' },
    'financialImpact',
    'decimal',
  ],
  ['financialImpact exponent', VALID_INCIDENT, { financialImpact: '1e3' }, 'financialImpact', 'decimal'],
  [
    'financialImpact with currency',
    VALID_INCIDENT,
    { financialImpact: '€ 100' },
    'financialImpact',
    'decimal',
  ],
  ['financialImpact empty', VALID_INCIDENT, { financialImpact: '' }, 'financialImpact', EMPTY_OPTIONAL],
  ['impact on a TASK', VALID_TASK, { impact: 'HIGH' }, 'impact', 'todoType is INCIDENT'],
  ['impact in lower case', VALID_INCIDENT, { impact: 'high' }, 'impact', 'LOW, MEDIUM, HIGH'],
  ['likelihood on a TASK', VALID_TASK, { likelihood: 'LOW' }, 'likelihood', 'todoType is INCIDENT'],
  [
    'likelihood outside the levels',
    VALID_INCIDENT,
    { likelihood: 'CERTAIN' },
    'likelihood',
    'LOW, MEDIUM, HIGH',
  ],
  ['status missing', VALID_TASK, { status: undefined }, 'status', 'must not be null'],
  ['status "IN PROGRESS"', VALID_TASK, { status: 'IN PROGRESS' }, 'status', 'TODO, INPROGRESS, DONE'],
  ['status EXPIRED (BzCtrl sets it)', VALID_TASK, { status: 'EXPIRED' }, 'status', 'TODO, INPROGRESS, DONE'],
  ['priority outside the levels', VALID_TASK, { priority: 'URGENT' }, 'priority', 'LOW, MEDIUM, HIGH'],
  ['priority null', VALID_TASK, { priority: null }, 'priority', EMPTY_OPTIONAL],
  ['assignee missing', VALID_TASK, { assignee: undefined }, 'assignee', 'must not be null'],
  [
    'assignee without a domain dot',
    VALID_TASK,
    { assignee: 'rge@vtti' },
    'assignee',
    'well-formed email address',
  ],
  [
    'assignee not an address',
    VALID_TASK,
    { assignee: 'R. Gerritsen' },
    'assignee',
    'well-formed email address',
  ],
  ['reporter missing', VALID_TASK, { reporter: undefined }, 'reporter', 'must not be null'],
  [
    'reporter with two @',
    VALID_TASK,
    { reporter: 'a@b@example.com' },
    'reporter',
    'well-formed email address',
  ],
  ['category as a string', VALID_TASK, { category: 'Customs' }, 'category', 'array of non-blank strings'],
  [
    'category with a blank entry',
    VALID_TASK,
    { category: ['Customs', ' '] },
    'category',
    'array of non-blank strings',
  ],
  ['category empty', VALID_TASK, { category: [] }, 'category', EMPTY_OPTIONAL],
  [
    'subCategory with a number',
    VALID_TASK,
    { subCategory: [1] },
    'subCategory',
    'array of non-blank strings',
  ],
  ['orderID missing', VALID_TASK, { orderID: undefined }, 'orderID', 'must not be null'],
  ['orderID empty', VALID_TASK, { orderID: '' }, 'orderID', 'must not be blank'],
  ['orderID as a JSON number', VALID_TASK, { orderID: 7770142 }, 'orderID', 'must be a string'],
  ['lrn empty', VALID_TASK, { lrn: '' }, 'lrn', EMPTY_OPTIONAL],
  ['lrn with a dash', VALID_TASK, { lrn: '24NL-LRN-4471' }, 'lrn', '1 to 22 letters and digits'],
  ['lrn of 23 characters', VALID_TASK, { lrn: 'A'.repeat(23) }, 'lrn', '1 to 22 letters and digits'],
  [
    'reminderDate not a calendar date',
    VALID_TASK,
    { reminderDate: '2024-02-30' },
    'reminderDate',
    'real calendar date',
  ],
  [
    'reminderDate in month 13',
    VALID_TASK,
    { reminderDate: '2024-13-01' },
    'reminderDate',
    'real calendar date',
  ],
  ['reminderDate day first', VALID_TASK, { reminderDate: '27-09-2024' }, 'reminderDate', 'YYYY-MM-DD'],
  [
    'reminderDate with a time',
    VALID_TASK,
    { reminderDate: '2024-09-27T10:00' },
    'reminderDate',
    'YYYY-MM-DD',
  ],
  ['reminderDate empty', VALID_TASK, { reminderDate: '' }, 'reminderDate', EMPTY_OPTIONAL],
];

const ACCEPTED: [string, Readonly<Record<string, unknown>>, Record<string, unknown>][] = [
  ['the minimal TASK', VALID_TASK, {}],
  ['the minimal INCIDENT', VALID_INCIDENT, {}],
  [
    'a TASK with every optional TASK key',
    VALID_TASK,
    {
      result: 'Hose replaced',
      priority: 'HIGH',
      category: ['Customs', 'Fetsa'],
      subCategory: ['high'],
      lrn: '24NLLRN0004471',
      reminderDate: '2024-09-27',
    },
  ],
  [
    'an INCIDENT with every optional INCIDENT key',
    VALID_INCIDENT,
    {
      financialImpact: '1250.50',
      impact: 'HIGH',
      likelihood: 'MEDIUM',
      priority: 'LOW',
      lrn: 'BE24ATP0000123456',
    },
  ],
  ['financialImpact "0"', VALID_INCIDENT, { financialImpact: '0' }],
  ['financialImpact "123"', VALID_INCIDENT, { financialImpact: '123' }],
  ['status TODO', VALID_TASK, { status: 'TODO' }],
  ['status DONE', VALID_TASK, { status: 'DONE' }],
  ['a three-part workspace key', VALID_TASK, { domainWorkSpace: 'VTT-BEL-ATP' }],
  ['a two-part workspace key with digits', VALID_TASK, { domainWorkSpace: 'T1-SWA2' }],
  ['an LRN of 22 characters', VALID_TASK, { lrn: 'A'.repeat(22) }],
  ['an LRN of 1 character', VALID_TASK, { lrn: '7' }],
  ['29 February in a leap year', VALID_TASK, { reminderDate: '2024-02-29' }],
  [
    'addresses with plus and sub-domains',
    VALID_TASK,
    { assignee: 'r.ge+bz@mail.vtti.com', reporter: 'USER@VTTI.COM' },
  ],
];

describe('sandbox add-task validation', () => {
  it.each(REJECTED)('rejects %s', async (_rule, base, changes, field, messagePart) => {
    const { access_token } = await sandbox().signIn();
    const response = await sandbox().addTask(bodyWith(base, changes), access_token);
    expect(response.status).toBe(400);
    const error = (await response.json()) as SpringError;
    expect(error).toMatchObject({ status: 400, error: 'Bad Request', path: ADD_TASK_PATH });
    expect(error.errors).toHaveLength(1);
    const [fieldError] = error.errors ?? [];
    expect(fieldError?.field).toBe(field);
    expect(fieldError?.defaultMessage).toContain(messagePart);
    expect(error.message).toBe(`Validation failed for field '${field}': ${fieldError?.defaultMessage}`);
  });

  it.each(ACCEPTED)('accepts %s', async (_rule, base, changes) => {
    const { access_token } = await sandbox().signIn();
    const response = await sandbox().addTask(bodyWith(base, changes), access_token);
    expect(response.status).toBe(201);
  });

  it('reports every failing field, the first one in the message, with the rejected values', async () => {
    const { access_token } = await sandbox().signIn();
    const body = bodyWith(VALID_TASK, {
      LRN: 'x',
      status: 'IN PROGRESS',
      assignee: 'nobody',
      title: undefined,
    });
    const error = (await (await sandbox().addTask(body, access_token)).json()) as SpringError;
    expect(error.errors).toEqual([
      { field: 'LRN', defaultMessage: "unknown key (did you mean 'lrn'?)", rejectedValue: 'x' },
      { field: 'title', defaultMessage: 'must not be null', rejectedValue: null },
      {
        field: 'status',
        defaultMessage: 'must be one of TODO, INPROGRESS, DONE',
        rejectedValue: 'IN PROGRESS',
      },
      { field: 'assignee', defaultMessage: 'must be a well-formed email address', rejectedValue: 'nobody' },
    ]);
    expect(error.message).toBe("Validation failed for field 'LRN': unknown key (did you mean 'lrn'?)");
  });

  it('creates nothing when validation fails', async () => {
    const { access_token } = await sandbox().signIn();
    await sandbox().addTask(bodyWith(VALID_TASK, { status: 'EXPIRED' }), access_token);
    expect(await (await sandbox().control('GET', 'tasks')).json()).toEqual([]);
  });
});
