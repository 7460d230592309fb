import type { Generator, SeedContext } from '../province';

/**
 * EXTENSION POINT (cases): the petition ledger (`libs/modules/cases`, migration `*Cases*`) had not
 * landed when the generator was written. When it has, fill `run` and keep the entry in GENERATORS:
 * `scale.cases` petition cases over the province's towns (1,000,000 at `full`), with repeat
 * petitioners (a petitioner pool about 0.6× the cases, Zipf-like so a few file many), an overdue
 * share of about 8% of open cases, most cases owned (包案) by a leader or member unit, and one
 * year of intake dates. Until its table exists, the generator reports that it was skipped.
 */
export const CASES_TABLE = 'petition_case';

export const casesGenerator: Generator = {
  name: 'cases',
  available(tables) {
    return tables.has(CASES_TABLE) ? 'the cases table exists but its generator is not written yet (bench/seed/generators/cases.ts)' : `no "${CASES_TABLE}" table yet (the cases migration has not landed)`;
  },
  async run(_ctx: SeedContext): Promise<void> {
    // Intentionally empty until the cases schema lands; see the comment above.
  },
};
