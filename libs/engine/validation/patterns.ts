/** A tenant code: lower-case letters, digits and dashes (`demo-county`, `shizi`). */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A character that shows: not a space, not a format character (zero-width space, joiners, BOM — \p{Cf}),
 * not a lone combining mark, not one of the blank "letters" (Hangul fillers, the braille blank).
 * A title or reason made only of invisible characters passed `\S` and looked empty in every list.
 */
const VISIBLE = '[^\\s\\p{Cf}\\p{M}\\u115F\\u1160\\u3164\\uFFA0\\u2800]';

/**
 * Free text a person types (names, reasons): any printable character in any script, but no control
 * characters, no bidi overrides, and at least one character that shows (not only spaces or zero-width).
 */
export const TEXT_PATTERN = new RegExp(`^(?=.*${VISIBLE})[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]+$`, 'su');

/**
 * A proper name (a unit, a tenant, a person): letters of any script, digits, combining marks, spaces
 * and the punctuation names really use — brackets, middle dots, dashes, 、 and slashes. Quotes,
 * semicolons, control, zero-width and bidi-override characters are refused.
 */
export const NAME_PATTERN = /^(?![\u115F\u1160\u3164\uFFA0]+$)[\p{L}\p{N}][\p{L}\p{N}\p{M} ()（）·・、，,.\-—_/&]*$/u;
export const NAME_MESSAGE = '$property may contain letters, digits, spaces and ()（）·、-—_/ only';

/** Free text over several lines (minutes, reports): TEXT_PATTERN plus line breaks and tabs. */
export const MULTILINE_TEXT_PATTERN = new RegExp(
  `^(?=[\\s\\S]*${VISIBLE})[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]*(?:[\\n\\r\\t][^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]*)*$`,
  'u',
);
