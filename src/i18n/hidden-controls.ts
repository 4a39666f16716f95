/**
 * C0 and C1 control characters, and the bidi embeddings, overrides and isolates that can reorder
 * what is shown: none may be in the plain text that tenants and theme packs put on the pages.
 */
export const hiddenControls = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
