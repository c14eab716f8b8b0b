import { useEffect, useState } from 'react';

/**
 * False in a component's first render, true from a task after that render has committed (which
 * may still come before the first paint). For what that render need not wait for (a lazily loaded
 * note that reads the history, say): its module is then loaded after the form is drawn, not by
 * the render that draws it.
 */
export function useAfterFirstRender(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAfter(true));
    return () => clearTimeout(timer);
  }, []);
  return after;
}
