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
  circulars: z
    .strictObject({
      name: z
        .string()
        .min(2)
        .max(20)
        .describe('What the series is called in its number (工作情况通报 → `下仓联席工作情况通报〔2026〕第1期`).'),
      source: citationSchema,
    })
    .optional()
    .describe(
      'Circulars (通报) in which the office collects, summarises and circulates the work situation (000 art. 6 收集、综合、通报有关工作情况): drafted from the work reports member units sent, numbered per year in a series of their own, issued to member units with receipts.',
    ),
  agreedItemsProgress: z
    .strictObject({
      name: z.string().min(2).max(20).describe('What the series is called in its number (议定事项进展通报).'),
      source: citationSchema,
    })
    .optional()
    .describe(
      "Circulars of the agreed items' progress to the member units (002 §六(二) 督促落实联席会议议定的事项并定期通报进展情况): the office drafts one from the agreed items' own state, edits it and issues it, numbered in a series of their own.",
    ),
});
export type OfficeDocuments = z.infer<typeof officeDocumentsSchema>;
