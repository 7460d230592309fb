import { Document, Packer, type Paragraph } from 'docx';
import { chineseDate, chineseNumeral } from '@engine/documents';
import {
  bodyParagraph,
  centredParagraph,
  FONT,
  LINE_SPACING,
  pageNumberFooter,
  pageProperties,
  rightParagraph,
  SIZE,
  titleParagraph,
} from '@engine/documents';

/** What a reminder letter (提醒函) says: to whom, why, on what evidence, under which rule. */
export interface ReminderLetter {
  number: string;
  jointMeetingName: string;
  unitName: string;
  /** The reason as the plugin words it, or the rule's trigger in words. */
  reason: string;
  /** The source article the letter rests on. */
  ruleSource: string;
  /** The evidence, one line each (the notices and ranks, the flagged matter…). */
  evidence: string[];
  note?: string | null;
  /** YYYY-MM-DD, Beijing date of issue. */
  issuedOn: string;
}

/** Every paragraph of the letter, in order (exported so the wording can be checked without unzipping). */
export function reminderLetterParagraphs(letter: ReminderLetter): Paragraph[] {
  const office = `${letter.jointMeetingName}办公室`;
  return [
    titleParagraph('提醒函'),
    centredParagraph(letter.number, true),
    bodyParagraph(`${letter.unitName}：`),
    bodyParagraph(
      `经${office}研究，你单位存在以下情况：${letter.reason.replace(/[。；]$/, '')}。根据${letter.ruleSource}，现予以提醒。`,
    ),
    ...letter.evidence.map((line, i) => bodyParagraph(`${chineseNumeral(i + 1)}、${line.replace(/[。；]$/, '')}。`)),
    ...(letter.note?.trim() ? [bodyParagraph(letter.note.trim())] : []),
    bodyParagraph('请你单位高度重视，认真分析原因，切实采取措施，抓好整改落实，并将整改情况及时报送联席会议办公室。'),
    rightParagraph(office),
    rightParagraph(chineseDate(letter.issuedOn, 'issuedOn')),
  ];
}

/** Renders the letter as DOCX in the official-document layout used for minutes (GB/T 9704). */
export async function renderReminderLetter(letter: ReminderLetter): Promise<Buffer> {
  const document = new Document({
    creator: letter.jointMeetingName,
    title: '提醒函',
    keywords: letter.number,
    styles: {
      default: { document: { run: { font: FONT.body, size: SIZE.sanhao }, paragraph: { spacing: LINE_SPACING } } },
    },
    sections: [
      {
        properties: pageProperties(),
        footers: { default: pageNumberFooter() },
        children: reminderLetterParagraphs(letter),
      },
    ],
  });
  return Packer.toBuffer(document);
}
