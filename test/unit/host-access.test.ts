import { describe, expect, it } from 'vitest';
import { accessPatternsFor, OPTIONAL_HOSTS } from '@/lib/host-access';

/** Whether the browser would ask for `pattern`: it must lie within one optional host pattern. */
function withinOptionalHosts(pattern: string): boolean {
  return OPTIONAL_HOSTS.some((optional) => {
    if (optional === pattern) return true;
    // "https://*/*" holds every https host.
    return optional === 'https://*/*' && /^https:\/\/[^/:]+\/\*$/.test(pattern);
  });
}

describe('accessPatternsFor: what the rule tester asks access for', () => {
  it.each([
    ['https://tos.example.com/*', ['https://tos.example.com/*']],
    ['https://tos.example.com/orders/*', ['https://tos.example.com/*']],
    ['*://*.example.com/orders/*', ['https://*.example.com/*']],
    ['tos.example.com', ['https://tos.example.com/*']],
    ['tos.example.com:8443', ['https://tos.example.com/*']],
    ['https://tos.example.com:8443/*', ['https://tos.example.com/*']],
    ['http://127.0.0.1/*', ['http://127.0.0.1/*']],
    ['http://127.0.0.1:8787/demo/*', ['http://127.0.0.1/*']],
    ['*://localhost:3000/*', ['http://localhost/*', 'https://localhost/*']],
    ['localhost', ['http://localhost/*', 'https://localhost/*']],
    ['*', ['https://*/*']],
  ])('%s asks for %j, each within the manifest’s optional hosts', (urlPattern, expected) => {
    const patterns = accessPatternsFor(urlPattern);
    expect(patterns).toEqual(expected);
    for (const pattern of patterns) expect(withinOptionalHosts(pattern)).toBe(true);
  });

  it.each(['http://tos.example.com/*', 'http://*.example.com/*'])(
    'asks for nothing for plain http on another host (%s): the browser would refuse it',
    (urlPattern) => {
      expect(accessPatternsFor(urlPattern)).toEqual([]);
    },
  );

  it('asks for nothing for what is not a pattern', () => {
    expect(accessPatternsFor('not a pattern/at all')).toEqual([]);
    expect(accessPatternsFor('')).toEqual([]);
  });
});
