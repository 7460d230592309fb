/** A benchmark scale: how many counties, how many towns under each, and how much history. */
export interface Scale {
  name: string;
  counties: number;
  townsPerCounty: number;
  /** Petition cases in the whole province (used once the cases generator lands). */
  cases: number;
}

export const SCALES: Record<string, Scale> = {
  xs: { name: 'xs', counties: 1, townsPerCounty: 15, cases: 10_000 },
  s: { name: 's', counties: 10, townsPerCounty: 15, cases: 100_000 },
  m: { name: 'm', counties: 30, townsPerCounty: 15, cases: 300_000 },
  full: { name: 'full', counties: 100, townsPerCounty: 15, cases: 1_000_000 },
};

export function scaleOf(name: string): Scale {
  const scale = SCALES[name];
  if (!scale) throw new Error(`unknown scale "${name}" (one of ${Object.keys(SCALES).join(', ')})`);
  return scale;
}
