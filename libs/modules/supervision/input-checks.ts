/** Validation messages and patterns the context's inputs share. */
export const text = { message: '$property must be text without control characters' };
export const tenantCode = { message: 'tenantCode must be lower-case letters, digits and dashes' };
/** A reason code as plugins write them (SERIOUS_IMPACT, BEIJING_OR_SKIP_LEVEL_VISIT). */
export const REASON_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
