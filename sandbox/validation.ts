// The add-task body rules as CONTRACT.md section 2 states them. Written apart from lib/ on purpose: the
// sandbox is an independent check of what the extension sends, so it must not share the extension's schema.

export const TODO_TYPES = ['TASK', 'INCIDENT'] as const;
export const STATUSES = ['TODO', 'INPROGRESS', 'DONE'] as const;
export const LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;

export type TodoType = (typeof TODO_TYPES)[number];
export type Status = (typeof STATUSES)[number];
export type Level = (typeof LEVELS)[number];

export interface AddTaskRequest {
  todoType: TodoType;
  domainWorkSpace: string;
  title: string;
  description: string;
  result?: string;
  financialImpact?: string;
  impact?: Level;
  likelihood?: Level;
  status: Status;
  priority?: Level;
  assignee: string;
  reporter: string;
  category?: string[];
  subCategory?: string[];
  orderID: string;
  lrn?: string;
  reminderDate?: string;
}

export type AddTaskKey = keyof AddTaskRequest;

/** One failing field, in the shape of Spring's `errors[]` entries. */
export interface FieldError {
  field: string;
  defaultMessage: string;
  rejectedValue: unknown;
}

export type AddTaskValidation =
  | { valid: true; request: AddTaskRequest }
  | { valid: false; errors: [FieldError, ...FieldError[]] };

/** Returns the failure message for a present value, or undefined when the value is acceptable. */
type Check = (value: unknown) => string | undefined;
type TextCheck = (value: string) => string | undefined;

interface FieldRule {
  required: boolean;
  /** Keys that belong to one todoType only; the other type must leave them out. */
  onlyFor?: TodoType;
  check: Check;
}

export const EMPTY_OPTIONAL_MESSAGE = 'optional keys with no value must be left out';

const WORKSPACE_KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)+$/;
const NON_NEGATIVE_DECIMAL = /^\d+(?:\.\d+)?$/;
const LRN = /^[A-Za-z0-9]{1,22}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = new RegExp(`^${EMAIL_ATOM}(?:\\.${EMAIL_ATOM})*@${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})+$`);

/** A non-blank string, then each refinement in turn. */
function text(...refinements: TextCheck[]): Check {
  return (value) => {
    if (typeof value !== 'string') return 'must be a string';
    if (value.trim() === '') return 'must not be blank';
    for (const refine of refinements) {
      const message = refine(value);
      if (message !== undefined) return message;
    }
    return undefined;
  };
}

function oneOf(allowed: readonly string[]): Check {
  return (value) =>
    allowed.some((option) => option === value) ? undefined : `must be one of ${allowed.join(', ')}`;
}

function matching(pattern: RegExp, message: string): Check {
  return (value) => (typeof value === 'string' && pattern.test(value) ? undefined : message);
}

const email = text((value) => (EMAIL.test(value) ? undefined : 'must be a well-formed email address'));

const nonBlankStrings: Check = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '')
    ? undefined
    : 'must be an array of non-blank strings';

const calendarDate = text((value) => {
  const parts = ISO_DATE.exec(value);
  if (parts === null) return 'must be a date in the format YYYY-MM-DD';
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  // Date.UTC rolls 2024-02-30 over into March; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? undefined : 'must be a real calendar date';
});

const levels = oneOf(LEVELS);

// Key order here is the order in which failures are reported.
const RULES: { [Key in AddTaskKey]-?: FieldRule } = {
  todoType: { required: true, check: oneOf(TODO_TYPES) },
  domainWorkSpace: {
    required: true,
    check: text((value) =>
      WORKSPACE_KEY.test(value) ? undefined : 'must be an upper-case workspace key such as IMP-NLD-EXA-SWA',
    ),
  },
  title: { required: true, check: text() },
  description: { required: true, check: text() },
  result: { required: false, onlyFor: 'TASK', check: text() },
  financialImpact: {
    required: false,
    onlyFor: 'INCIDENT',
    check: matching(
      NON_NEGATIVE_DECIMAL,
      'must be a string holding a non-negative decimal amount in EUR, e.g. "1250.50"',
    ),
  },
  impact: { required: false, onlyFor: 'INCIDENT', check: levels },
  likelihood: { required: false, onlyFor: 'INCIDENT', check: levels },
  status: { required: true, check: oneOf(STATUSES) },
  priority: { required: false, check: levels },
  assignee: { required: true, check: email },
  reporter: { required: true, check: email },
  category: { required: false, check: nonBlankStrings },
  subCategory: { required: false, check: nonBlankStrings },
  orderID: { required: true, check: text() },
  lrn: { required: false, check: matching(LRN, 'must be 1 to 22 letters and digits') },
  reminderDate: { required: false, check: calendarDate },
};

const KNOWN_KEYS: readonly string[] = Object.keys(RULES);

// Keys the seed's UI sample uses that BzCtrl's API does not accept under that name.
const RENAMED_KEYS: Readonly<Record<string, AddTaskKey>> = {
  domain: 'domainWorkSpace',
  workspace: 'domainWorkSpace',
};

function unknownKeyMessage(key: string): string {
  const meant = RENAMED_KEYS[key] ?? KNOWN_KEYS.find((known) => known.toLowerCase() === key.toLowerCase());
  return meant === undefined ? 'unknown key' : `unknown key (did you mean '${meant}'?)`;
}

function hasNoValue(value: unknown): boolean {
  return value === '' || value === null || (Array.isArray(value) && value.length === 0);
}

function isTodoType(value: unknown): value is TodoType {
  return TODO_TYPES.some((type) => type === value);
}

function fieldFailure(body: Record<string, unknown>, key: AddTaskKey, rule: FieldRule): string | undefined {
  if (!Object.hasOwn(body, key)) return rule.required ? 'must not be null' : undefined;
  const value = body[key];
  const todoType = body.todoType;
  if (rule.onlyFor !== undefined && isTodoType(todoType) && todoType !== rule.onlyFor) {
    return `only allowed when todoType is ${rule.onlyFor}`;
  }
  if (value === null) return rule.required ? 'must not be null' : EMPTY_OPTIONAL_MESSAGE;
  if (!rule.required && hasNoValue(value)) return EMPTY_OPTIONAL_MESSAGE;
  return rule.check(value);
}

export function validateAddTask(body: Record<string, unknown>): AddTaskValidation {
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (!KNOWN_KEYS.includes(key)) {
      errors.push({ field: key, defaultMessage: unknownKeyMessage(key), rejectedValue: body[key] });
    }
  }
  for (const key of Object.keys(RULES) as AddTaskKey[]) {
    const message = fieldFailure(body, key, RULES[key]);
    if (message !== undefined) {
      errors.push({ field: key, defaultMessage: message, rejectedValue: body[key] ?? null });
    }
  }
  const [firstError, ...moreErrors] = errors;
  if (firstError !== undefined) return { valid: false, errors: [firstError, ...moreErrors] };
  // Every key has passed its rule above, so the body has the request's shape.
  return { valid: true, request: body as unknown as AddTaskRequest };
}
