import { z } from 'zod';
import { citationSchema, roleSchema } from './primitives';

/**
 * How the tenant's own rules change (规则变更): who must approve moving a tenant to another version of
 * its plugin, and who is told. Absent: no approval (the office applies it) and the conveners are told —
 * platform defaults, shown as defaults.
 */
export const rulesChangesSchema = z.strictObject({
  /** SUPERIOR: a superior (上级) of the tenant must approve before the new rules apply; NONE: applied at once. */
  approval: z
    .enum(['NONE', 'SUPERIOR'])
    .describe('SUPERIOR: a superior of the tenant approves a rules change before it applies; NONE: it applies at once'),
  /** Roles of the tenant that the filed change (备案) is reported to. */
  reportTo: z.array(roleSchema).min(1).describe('Roles of the tenant the filed rules change (备案) is reported to'),
  source: citationSchema,
});
export type RulesChanges = z.infer<typeof rulesChangesSchema>;
