import { useEffect, useState } from 'react';

/**
 * False in a component's first render, true from a task after it. For what the first frame does
 * not need (a lazily loaded note that reads the history, say): its module is then loaded once the
 * form is drawn, not by the render that draws it.
 */
export function useAfterFirstRender(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAfter(true));
    return () => clearTimeout(timer);
  }, []);
  return after;
}
