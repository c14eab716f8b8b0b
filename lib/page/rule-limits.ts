/** A page rule's label is a few words as the page shows them, never a passage. */
export const MAX_RULE_LABEL_LENGTH = 64;
/** A selector the page picker makes is short; a longer one is no stable way to find a value. */
export const MAX_RULE_SELECTOR_LENGTH = 1_000;
