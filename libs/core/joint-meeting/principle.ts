import type { Structure } from '@jm/plugin-sdk';

/** The principle member units work by, with its article (null when the snapshot predates the article). */
export interface PrincipleOf {
  text: string;
  source: string | null;
}

/**
 * The plugin's `structure.principle` (000 art. 5, 001 art. 7, 003 §一, 004 基本原則 1), or null when the
 * source states none. A snapshot written before the article was recorded holds the text alone.
 */
export function principleOf(structure: Pick<Structure, 'principle'>): PrincipleOf | null {
  const p = structure.principle;
  if (p === undefined) return null;
  return typeof p === 'string' ? { text: p, source: null } : { text: p.text, source: p.source };
}
