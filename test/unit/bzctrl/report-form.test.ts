import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { splitList, toAddTaskRequest } from '@/lib/bzctrl/add-task';
import { emptyReportForm, type ReportForm, reportFormSchema } from '@/lib/bzctrl/report-form';
import { EMAIL, incidentForm, taskForm } from '../helpers';
import { useLanguage } from '../i18n-setup';

const KEY = 'IMP-NLD-EXA-SWA';

/** The fields the schema complains about, in order. */
function fieldsInError(form: ReportForm): string[] {
  const result = reportFormSchema.safeParse(form);
  return result.success ? [] : result.error.issues.map((issue) => String(issue.path[0]));
}

describe('reportFormSchema', () => {
  it('starts a new form In progress, assigned to and reported by the signed-in user', () => {
    expect(emptyReportForm('INCIDENT', EMAIL)).toMatchObject({
      todoType: 'INCIDENT',
      status: 'INPROGRESS',
      assignee: EMAIL,
      reporter: EMAIL,
    });
  });

  it('accepts a form with only the required fields filled', () => {
    expect(fieldsInError(incidentForm())).toEqual([]);
    expect(fieldsInError(taskForm())).toEqual([]);
  });

  it.each(['title', 'description', 'orderID'] as const)('requires a non-blank %s', (field) => {
    expect(fieldsInError(incidentForm({ [field]: '' }))).toEqual([field]);
    expect(fieldsInError(incidentForm({ [field]: '  \n ' }))).toEqual([field]);
  });

  it.each(['assignee', 'reporter'] as const)('requires %s to be a valid e-mail address', (field) => {
    expect(fieldsInError(incidentForm({ [field]: '' }))).toEqual([field]);
    expect(fieldsInError(incidentForm({ [field]: 'j.devries' }))).toEqual([field]);
  });

  it.each(['IN PROGRESS', 'EXPIRED'])('rejects the status %j', (status) => {
    expect(fieldsInError(incidentForm({ status: status as ReportForm['status'] }))).toEqual(['status']);
  });

  it.each(['-1', '1e3', 'abc', '1.250,50', '1,250.50', '12,505', '12,'])(
    'rejects %j as financial impact',
    (financialImpact) => {
      expect(fieldsInError(incidentForm({ financialImpact }))).toEqual(['financialImpact']);
    },
  );

  it.each(['12,50', '1250,5', ' 7,25 '])(
    'takes %j, written with a decimal comma, as an amount',
    (financialImpact) => {
      expect(fieldsInError(incidentForm({ financialImpact }))).toEqual([]);
    },
  );

  it('says what is wrong in the browser’s language', async () => {
    const problems = (form: ReportForm) =>
      reportFormSchema.safeParse(form).error?.issues.map((issue) => issue.message);
    const form = incidentForm({ title: '', financialImpact: '12.505', assignee: 'j.devries' });
    expect(problems(form)).toEqual([
      'Title is required.',
      'Assignee must be a valid e-mail address.',
      'Enter an amount in euros, digits only, e.g. 1250.50.',
    ]);
    await useLanguage('nl');
    expect(problems(form)).toEqual([
      'Titel is verplicht.',
      'Toegewezen aan moet een geldig e-mailadres zijn.',
      'Vul een bedrag in euro in, alleen cijfers, bv. 1250,50.',
    ]);
  });

  it.each(['2024-02-30', '2023-02-29'])('rejects the reminder date %s', (reminderDate) => {
    expect(fieldsInError(incidentForm({ reminderDate }))).toEqual(['reminderDate']);
  });

  it.each(['A'.repeat(23), 'NL-123'])('rejects the LRN %j', (lrn) => {
    expect(fieldsInError(incidentForm({ lrn }))).toEqual(['lrn']);
  });
});

describe('toAddTaskRequest', () => {
  it('builds the exact body for a full Incident', () => {
    const form = incidentForm({
      title: '  Potential Customs claim ',
      result: 'not for an incident',
      financialImpact: '1250.50',
      impact: 'HIGH',
      likelihood: 'MEDIUM',
      status: 'TODO',
      priority: 'HIGH',
      assignee: 'rge@vtti.com',
      reporter: 'user@vtti.com',
      category: 'Customs, Fetsa',
      subCategory: 'high',
      lrn: '24NLLRN0004471',
      reminderDate: '2024-09-27',
    });
    expect(toAddTaskRequest(form, KEY)).toEqual({
      todoType: 'INCIDENT',
      domainWorkSpace: KEY,
      title: 'Potential Customs claim',
      description: 'Operation started without proper approvals',
      financialImpact: '1250.50',
      impact: 'HIGH',
      likelihood: 'MEDIUM',
      status: 'TODO',
      priority: 'HIGH',
      assignee: 'rge@vtti.com',
      reporter: 'user@vtti.com',
      category: ['Customs', 'Fetsa'],
      subCategory: ['high'],
      orderID: '7770142',
      lrn: '24NLLRN0004471',
      reminderDate: '2024-09-27',
    });
  });

  it('builds the exact body for a full Task', () => {
    const form = taskForm({
      result: 'Hose replaced',
      financialImpact: '123',
      impact: 'LOW',
      likelihood: 'LOW',
      status: 'DONE',
      priority: 'LOW',
      category: 'Safety',
      subCategory: 'Jetty, Hoses',
      lrn: 'be24atp0000123456',
      reminderDate: '2024-02-29',
    });
    expect(toAddTaskRequest(form, 'VTT-NLD-TML-FIN')).toEqual({
      todoType: 'TASK',
      domainWorkSpace: 'VTT-NLD-TML-FIN',
      title: 'Hose leak at jetty 3',
      description: 'Seen during discharge of MT Nordic Star',
      result: 'Hose replaced',
      status: 'DONE',
      priority: 'LOW',
      assignee: EMAIL,
      reporter: EMAIL,
      category: ['Safety'],
      subCategory: ['Jetty', 'Hoses'],
      orderID: '7770142',
      lrn: 'BE24ATP0000123456',
      reminderDate: '2024-02-29',
    });
  });

  it('leaves out every optional key left blank, never sending ""', () => {
    const body = toAddTaskRequest(incidentForm({ category: ' , ', subCategory: '   ', result: '  ' }), KEY);
    expect(body).toEqual({
      todoType: 'INCIDENT',
      domainWorkSpace: KEY,
      title: 'Potential Customs claim',
      description: 'Operation started without proper approvals',
      status: 'INPROGRESS',
      assignee: EMAIL,
      reporter: EMAIL,
      orderID: '7770142',
    });
    expect(Object.values(body)).not.toContain('');
  });

  it('sends an amount typed with a decimal comma with the point BzCtrl takes', () => {
    const body = toAddTaskRequest(incidentForm({ financialImpact: '1250,50' }), KEY);
    expect(body).toMatchObject({ financialImpact: '1250.50' });
  });

  it('never gives a Task financialImpact, impact or likelihood, even when the form holds them', () => {
    const body = toAddTaskRequest(
      taskForm({ financialImpact: '99', impact: 'HIGH', likelihood: 'HIGH' }),
      KEY,
    );
    expect(body).not.toHaveProperty('financialImpact');
    expect(body).not.toHaveProperty('impact');
    expect(body).not.toHaveProperty('likelihood');
  });

  it('never gives an Incident a result, even when the form holds one', () => {
    expect(toAddTaskRequest(incidentForm({ result: 'Fixed' }), KEY)).not.toHaveProperty('result');
  });

  it('rejects an invalid workspace key', () => {
    expect(() => toAddTaskRequest(incidentForm(), 'imp nld')).toThrow(z.core.$ZodError);
  });

  it('rejects an invalid form', () => {
    expect(() => toAddTaskRequest(incidentForm({ title: ' ' }), KEY)).toThrow(z.core.$ZodError);
  });
});

describe('splitList', () => {
  it('splits "Customs, Fetsa" into its items', () => {
    expect(splitList('Customs, Fetsa')).toEqual(['Customs', 'Fetsa']);
  });

  it('drops empty items', () => {
    expect(splitList(' Customs,, ,Fetsa, ')).toEqual(['Customs', 'Fetsa']);
  });

  it.each(['', '   ', ', ,'])('gives nothing for the blank list %j', (text) => {
    expect(splitList(text)).toBeUndefined();
  });
});
