/** The most of an address that is read: far longer than any screen's, and a huge one costs no more. */
export const MAX_URL_LENGTH = 8_192;
