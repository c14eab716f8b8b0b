import { readdir, readFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyReply, type HeaderMap, type Reply } from './http.js';

const PAGES_DIRECTORY = fileURLToPath(new URL('./pages/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Folders without their trailing slash, and the root, lead to a page. */
const REDIRECTS: Readonly<Record<string, string>> = { '/': '/demo/', '/app': '/app/', '/demo': '/demo/' };

/** Pages by URL path; a folder's `index.html` also answers the folder's own path. */
export type PageSet = ReadonlyMap<string, Reply>;

/** Read once at start, so a missing page fails the start rather than a test later on. */
export async function loadPages(): Promise<PageSet> {
  const pages = new Map<string, Reply>();
  const files = await readdir(PAGES_DIRECTORY, { recursive: true, withFileTypes: true });
  for (const file of files) {
    const contentType = CONTENT_TYPES[extname(file.name)];
    if (!file.isFile() || contentType === undefined) continue;
    const filePath = join(file.parentPath, file.name);
    const urlPath = `/${filePath.slice(PAGES_DIRECTORY.length).split(sep).join('/')}`;
    const reply: Reply = {
      status: 200,
      headers: {
        'content-type': contentType,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
      body: await readFile(filePath, 'utf8'),
    };
    pages.set(urlPath, reply);
    if (urlPath.endsWith('/index.html')) pages.set(urlPath.slice(0, -'index.html'.length), reply);
  }
  return pages;
}

function textReply(status: number, text: string, headers: HeaderMap = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: text };
}

export function pageReply(pages: PageSet, method: string, path: string): Reply {
  if (method !== 'GET' && method !== 'HEAD') {
    return textReply(405, 'Method not allowed', { allow: 'GET, HEAD' });
  }
  const redirect = REDIRECTS[path];
  if (redirect !== undefined) return emptyReply(302, { location: redirect });
  return pages.get(path) ?? textReply(404, `Not found: ${path}`);
}
