import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric comes back as text: read it as a number. */
export const numeric: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};
