/** A tenant code: lower-case letters, digits and dashes (`demo-county`, `shizi`). */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Free text a person types (names, reasons): any printable character in any script, but no control
 * characters, no bidi overrides, and not only spaces.
 */
export const TEXT_PATTERN = /^(?=.*\S)[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/su;
