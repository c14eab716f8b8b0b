/**
 * Keys of stored items that a page reads without loading the module that defines the item (and
 * its checks), only to know whether anything is there: the popup at open, for the outbox.
 */
export const OUTBOX_KEY = 'local:outbox';
