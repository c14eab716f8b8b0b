import { type RefObject, useCallback, useEffect, useState } from 'react';

/**
 * Where the keyboard focus goes when what held it is replaced (a form swapped for another, a button
 * that went with its row): the element matching a selector inside `container`, once it is drawn.
 * Each call is a request of its own, so that the same selector asked for twice, however quickly,
 * is focused twice.
 */
export function useFocusAfterRender(container: RefObject<HTMLElement | null>): (selector: string) => void {
  const [request, setRequest] = useState<{ selector: string }>();
  useEffect(() => {
    if (request) container.current?.querySelector<HTMLElement>(request.selector)?.focus();
  }, [request, container]);
  return useCallback((selector: string) => setRequest({ selector }), []);
}
