// The test control path. Nothing here exists in BzCtrl; it lets tests script failures and inspect what was sent.
import { parseFault } from './faults.js';
import { emptyReply, jsonReply, parseJson, type Reply } from './http.js';
import {
  isClientCredentials,
  isLifetime,
  LIFETIME_KEYS,
  type SandboxConfig,
  type SandboxState,
} from './state.js';
import { isPlainObject } from './values.js';

export const CONTROL_PREFIX = '/__sandbox/';

/** `input` is the parsed JSON body, or undefined when the body was empty; `id` is the route's `:id` part. */
type ControlAction = (state: SandboxState, input: unknown, id: string) => Reply;

function badControlRequest(error: string): Reply {
  return jsonReply(400, { error });
}

function addFault(state: SandboxState, input: unknown): Reply {
  const parsed = parseFault(input);
  if (!parsed.ok) return badControlRequest(parsed.error);
  state.faults.add(parsed.fault);
  return emptyReply();
}

function expireTokens(state: SandboxState, input: unknown = {}): Reply {
  if (!isPlainObject(input)) return badControlRequest('expire-tokens takes a JSON object');
  const { access = true, refresh = false } = input;
  if (typeof access !== 'boolean' || typeof refresh !== 'boolean') {
    return badControlRequest('access and refresh must be booleans');
  }
  state.tokens.expire({ access, refresh });
  return emptyReply();
}

function changeConfig(state: SandboxState, input: unknown): Reply {
  if (!isPlainObject(input)) return badControlRequest('config takes a JSON object');
  const allowedKeys: readonly string[] = [...LIFETIME_KEYS, 'client', 'keepAlive'];
  const unknownKey = Object.keys(input).find((key) => !allowedKeys.includes(key));
  if (unknownKey !== undefined) return badControlRequest(`unknown key '${unknownKey}'`);

  const next: SandboxConfig = { ...state.config };
  for (const key of LIFETIME_KEYS) {
    const value = input[key];
    if (value === undefined) continue;
    if (!isLifetime(value)) return badControlRequest(`${key} must be a non-negative whole number of seconds`);
    next[key] = value;
  }
  if (input.client !== undefined) {
    if (input.client !== null && !isClientCredentials(input.client)) {
      return badControlRequest('client must be {"id": string, "secret": string} or null');
    }
    next.client = input.client;
  }
  if (input.keepAlive !== undefined) {
    if (typeof input.keepAlive !== 'boolean') return badControlRequest('keepAlive must be a boolean');
    next.keepAlive = input.keepAlive;
  }
  state.config = next;
  return emptyReply();
}

function clearedWith(clear: (state: SandboxState) => void): ControlAction {
  return (state) => {
    clear(state);
    return emptyReply();
  };
}

function taskReply(state: SandboxState, encodedId: string): Reply {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return badControlRequest(`malformed task id '${encodedId}'`);
  }
  const task = state.tasks.get(id);
  return task === undefined
    ? jsonReply(404, { error: `No item ${id} in this sandbox` })
    : jsonReply(200, task);
}

const ROUTES: Readonly<Record<string, Readonly<Partial<Record<string, ControlAction>>>>> = {
  faults: {
    GET: (state) => jsonReply(200, state.faults.list()),
    POST: addFault,
    DELETE: clearedWith((state) => state.faults.clear()),
  },
  requests: {
    GET: (state) => jsonReply(200, state.requestLog),
    DELETE: clearedWith((state) => {
      state.requestLog = [];
    }),
  },
  tasks: { GET: (state) => jsonReply(200, state.tasks.list()) },
  'tasks/:id': { GET: (state, _input, id) => taskReply(state, id) },
  tokens: { GET: (state) => jsonReply(200, state.tokens.summary()) },
  'expire-tokens': { POST: expireTokens },
  config: { POST: changeConfig },
  reset: { POST: clearedWith((state) => state.reset()) },
};

export function answerControl(state: SandboxState, method: string, path: string, body: string): Reply {
  const [name = '', ...idParts] = path.slice(CONTROL_PREFIX.length).split('/');
  const actions = ROUTES[idParts.length === 0 ? name : `${name}/:id`];
  if (actions === undefined) return jsonReply(404, { error: `No control endpoint ${path}` });
  const action = actions[method];
  if (action === undefined) {
    const allowed = Object.keys(actions).join(', ');
    return jsonReply(405, { error: `${path} takes ${allowed}` }, { allow: allowed });
  }
  const id = idParts.join('/');
  if (body.trim() === '') return action(state, undefined, id);
  const parsed = parseJson(body);
  return parsed.parsed
    ? action(state, parsed.value, id)
    : badControlRequest(`body is not JSON: ${parsed.error}`);
}
