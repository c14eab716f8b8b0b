import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { accessPatternsFor } from '@/lib/host-access';
import { accessNeededFor } from '@/lib/open-tabs';

/**
 * Access to a rule's pages, as Test and Pick need it: whether the click must ask (known before the
 * click, which may await nothing before it asks), and the asking.
 */
export function useRuleAccess(urlPattern: string) {
  const [mustAsk, setMustAsk] = useState(false);
  useEffect(() => {
    let current = true;
    const check = () => void accessNeededFor(urlPattern).then((needed) => current && setMustAsk(needed));
    check();
    // Back from another tab or window, a page may have been opened or access granted.
    window.addEventListener('focus', check);
    return () => {
      current = false;
      window.removeEventListener('focus', check);
    };
  }, [urlPattern]);
  return {
    mustAsk,
    /**
     * Asks for access to the rule's sites on this click, when it is needed. It must be the first
     * thing the click does: Firefox grants a request only from the user's input itself, before
     * anything is awaited.
     */
    ask(): Promise<unknown> {
      if (!mustAsk) return Promise.resolve();
      return browser.permissions.request({ origins: accessPatternsFor(urlPattern) }).catch(() => false);
    },
    recheck: () => void accessNeededFor(urlPattern).then(setMustAsk),
  };
}
