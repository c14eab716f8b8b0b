import { type RefObject, useEffect, useState } from 'react';

/**
 * Where the keyboard focus goes when what held it is replaced (a form swapped for another, a button
 * that went with its row): the element matching a selector inside `container`, once it is drawn.
 */
export function useFocusAfterRender(container: RefObject<HTMLElement | null>): (selector: string) => void {
  const [selector, setSelector] = useState<string>();
  useEffect(() => {
    if (!selector) return;
    container.current?.querySelector<HTMLElement>(selector)?.focus();
    setSelector(undefined);
  }, [selector, container]);
  return setSelector;
}
