/**
 * What a browser does when it parses `<template shadowrootmode="open|closed">` (declarative shadow
 * DOM, as server-rendered web components arrive): the template becomes its parent's shadow root.
 * happy-dom's parser leaves the template as it is, so the fixture tests do this step themselves.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of [...root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    if (!host || (mode !== 'open' && mode !== 'closed') || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    // Nested components are declared inside the template's content, now inside the shadow root.
    attachDeclarativeShadowRoots(shadow);
  }
}
