/** Where the user's selection stands in a frame: in a field (whose selected text the page's selection leaves out), or in the page. */

export interface SelectionInPage {
  text: string;
  /** Where it starts: the label beside it says what it is, its grid row is the row meant. */
  node: Node | undefined;
}

export function selectionInPage(document: Document): SelectionInPage {
  const focused = document.activeElement as HTMLInputElement | null;
  const inField =
    focused && typeof focused.selectionStart === 'number' && focused.value
      ? focused.value.slice(focused.selectionStart, focused.selectionEnd ?? undefined)
      : '';
  if (inField && focused) return { text: inField, node: focused };
  const selection = document.getSelection();
  return {
    text: selection?.toString() ?? '',
    node: selection?.rangeCount ? selection.getRangeAt(0).startContainer : undefined,
  };
}
