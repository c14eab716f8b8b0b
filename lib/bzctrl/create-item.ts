/**
 * Creating an Incident or Task: build the add-task body from the form, post it with a valid token
 * (refreshing once after a 401), keep the result in the history and open the link when trusted.
 */
import { addToHistory, domainWorkSpaceOf, type HistoryEntry, loadSettings } from '../settings';
import { openTaskLink } from '../tabs';
import { type AddTaskRequest, toAddTaskRequest } from './add-task';
import { accessToken } from './auth';
import { BzCtrlError, postAddTask } from './client';
import { endpointsFor, isTrustedTaskLink } from './environments';
import type { ReportForm } from './report-form';

export interface CreatedItem extends HistoryEntry {
  /** Whether the link was opened in a new tab (only trusted links are). */
  opened: boolean;
}

export class NotConfiguredError extends Error {
  constructor() {
    super('Set the BzCtrl domain and workspace in the options first.');
    this.name = 'NotConfiguredError';
  }
}

export async function createItem(form: ReportForm): Promise<CreatedItem> {
  const settings = await loadSettings();
  const domainWorkSpace = domainWorkSpaceOf(settings);
  if (!domainWorkSpace) throw new NotConfiguredError();
  const body = toAddTaskRequest(form, domainWorkSpace);
  const { addTaskUrl } = endpointsFor(settings);

  const response = await postWithFreshToken(addTaskUrl, body);
  const entry: HistoryEntry = {
    taskLink: response.taskLink,
    trusted: isTrustedTaskLink(response.taskLink, settings),
    title: body.title,
    todoType: body.todoType,
    orderID: body.orderID,
    lrn: body.lrn,
    domainWorkSpace,
    createdAt: new Date().toISOString(),
  };
  await addToHistory(entry);
  const opened = entry.trusted && (await openTaskLink(entry.taskLink));
  return { ...entry, opened };
}

async function postWithFreshToken(addTaskUrl: string, body: AddTaskRequest) {
  const token = await accessToken();
  try {
    return await postAddTask(addTaskUrl, token, body);
  } catch (error) {
    if (!(error instanceof BzCtrlError && error.status === 401)) throw error;
    // The token was refused although it looked fresh (revoked, clock skew): refresh once, retry once.
    return postAddTask(addTaskUrl, await accessToken(token), body);
  }
}
