/** A tenant code: lower-case letters, digits and dashes (`demo-county`, `shizi`). */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Free text a person types (names, reasons): any printable character in any script, but no control
 * characters, no bidi overrides, and not only spaces.
 */
export const TEXT_PATTERN = /^(?=.*\S)[^\p{Cc}\u202A-\u202E\u2066-\u2069]+$/su;

/**
 * A proper name (a unit, a tenant, a person): letters of any script, digits, combining marks, spaces
 * and the punctuation names really use — brackets, middle dots, dashes, 、 and slashes. Quotes,
 * semicolons, control, zero-width and bidi-override characters are refused.
 */
export const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} ()（）·・、，,.\-—_/&]*$/u;
export const NAME_MESSAGE = '$property may contain letters, digits, spaces and ()（）·、-—_/ only';

/** Free text over several lines (minutes, reports): TEXT_PATTERN plus line breaks and tabs. */
export const MULTILINE_TEXT_PATTERN = /^(?=[\s\S]*\S)[^\p{Cc}\u202A-\u202E\u2066-\u2069]*(?:[\n\r\t][^\p{Cc}\u202A-\u202E\u2066-\u2069]*)*$/u;
