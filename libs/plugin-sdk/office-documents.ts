import { z } from 'zod';
import { citationSchema, roleSchema } from './primitives';

/**
 * The office's own documents (联席会议办公室的文件): the annual work points it drafts (年度工作要点, 000 art. 6,
 * 001 art. 9) and the briefings it compiles (简报编印, 001 art. 9). Absent: the source gives the office no
 * such document, and the platform offers none.
 */
export const officeDocumentsSchema = z.strictObject({
  workPoints: z
    .strictObject({
      approvedBy: roleSchema.describe('Who approves the annual work points the office drafted (never the drafter).'),
      source: citationSchema,
    })
    .optional()
    .describe(
      'The annual work points (年度工作要点): drafted by the office, approved by `approvedBy`, tracked against agreed items.',
    ),
  briefings: z
    .strictObject({
      source: citationSchema,
    })
    .optional()
    .describe(
      'Briefings (简报): compiled and numbered by the office per year, issued to member units, each unit acknowledging receipt.',
    ),
});
export type OfficeDocuments = z.infer<typeof officeDocumentsSchema>;
