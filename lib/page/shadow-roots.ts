/**
 * Web components: the open shadow roots of a page, read like the page itself. Closed shadow roots
 * are out of reach. (The text a component shows: elements.ts composedText.)
 */

/** Bounds on finding shadow roots: far above what a screen of web components holds. */
const MAX_ELEMENTS_LOOKED_AT = 300_000;
const MAX_SHADOW_ROOTS = 2_000;

export type Root = Document | ShadowRoot;

/** The open shadow roots in `root`, each followed by those nested in it, hosts in page order. */
export function openShadowRoots(root: Root): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  let budget = MAX_ELEMENTS_LOOKED_AT;
  const visit = (scope: Root) => {
    // A live collection over the document is the cheapest walk over every element.
    const elements =
      'getElementsByTagName' in scope ? scope.getElementsByTagName('*') : scope.querySelectorAll('*');
    const count = Math.min(elements.length, budget);
    budget -= count;
    for (let index = 0; index < count && found.length < MAX_SHADOW_ROOTS; index++) {
      const shadow = elements[index]?.shadowRoot;
      if (shadow) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return found;
}
