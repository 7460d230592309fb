import { Document, Packer, type Paragraph } from 'docx';
import { chineseDate, chineseDateOf, chineseDateTime, chineseNumeral, enumerate, UNASSIGNED } from '@engine/documents';
import {
  documentDateOf,
  officeHolderText,
  type AgreedItem,
  type MinutesDocument,
  type MinutesDocumentKind,
} from './minutes-document';
import {
  bodyParagraph,
  centredParagraph,
  FONT,
  headingParagraph,
  imprintParagraphs,
  labelledParagraph,
  LINE_SPACING,
  pageNumberFooter,
  pageProperties,
  rightParagraph,
  SIZE,
  titleParagraph,
} from '@engine/documents';

const KIND_NAMES: Readonly<Record<MinutesDocumentKind, string>> = { MINUTES: '会议纪要', MEETING_DOCUMENT: '会议文件' };

/**
 * Body text is written with blank lines between paragraphs; a single line break inside one is only
 * the author's wrapping and is dropped (Chinese text has no spaces between words to keep).
 */
export function bodyParagraphsOf(body: string): string[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim().replace(/\s*\r?\n\s*/g, ''))
    .filter(Boolean);
}

/** "1.…；2.…。": topics numbered at the third level, inside one line. */
function topicsText(topics: readonly string[]): string {
  return `${topics.map((t, i) => `${i + 1}.${t.trim().replace(/[；。]$/, '')}`).join('；')}。`;
}

/** "2026年12月31日", or "2026年12月31日（暂定）" while the date is not final. */
export function dueText(item: Pick<AgreedItem, 'dueOn' | 'provisional'>): string {
  return `${chineseDate(item.dueOn, 'agreed item dueOn')}${item.provisional ? '（暂定）' : ''}`;
}

/**
 * The basis the agreed items are carried out on: the principle member units work by (000 art. 5: 按照“…”的
 * 原则…认真落实…议定的事项，及时报送落实情况), with the article that states it.
 */
export function principleText(principle: NonNullable<MinutesDocument['principle']>): string {
  const text = principle.text.trim().replace(/^“(.*)”$/, '$1');
  const source = principle.source?.trim() ? `（${principle.source.trim()}）` : '';
  return `各责任单位按照“${text}”的原则${source}，认真落实议定事项，及时报送落实情况。`;
}

/** Each agreed item as "一、<content>", then its owners and deadline on a line of their own; then the principle. */
function agreedItemParagraphs(items: readonly AgreedItem[], principle: MinutesDocument['principle']): Paragraph[] {
  if (items.length === 0) return [];
  return [
    headingParagraph('会议议定事项'),
    ...items.flatMap((item, i) => [
      bodyParagraph(`${chineseNumeral(i + 1)}、${item.content.trim()}`),
      bodyParagraph(`责任单位：${enumerate(item.owners) || UNASSIGNED}；完成时限：${dueText(item)}。`),
    ]),
    ...(principle ? [bodyParagraph(principleText(principle))] : []),
  ];
}

/** 会议时间 … 列席, in the order 纪要 list them; empty optional sections are left out, 出席 never is. */
function meetingFactParagraphs(doc: MinutesDocument): Paragraph[] {
  const out = [
    labelledParagraph('会议名称', `${doc.jointMeetingName}${doc.meetingType}`),
    labelledParagraph('会议时间', chineseDateTime(doc.heldAt, 'heldAt')),
  ];
  if (doc.location?.trim()) out.push(labelledParagraph('会议地点', doc.location.trim()));
  out.push(labelledParagraph('主持人', officeHolderText(doc.chair)));
  out.push(labelledParagraph('出席', enumerate(doc.present) || '无'));
  if (doc.absent.length > 0)
    out.push(labelledParagraph('缺席', doc.absent.map((a) => `${a.unit.trim()}（${a.reason.trim()}）`).join('、')));
  if (doc.guests.length > 0)
    out.push(
      labelledParagraph(
        '列席',
        doc.guests
          .map((g) => (g.organisation?.trim() ? `${g.name.trim()}（${g.organisation.trim()}）` : g.name.trim()))
          .join('、'),
      ),
    );
  if (doc.topics.length > 0) out.push(labelledParagraph('会议议题', topicsText(doc.topics)));
  return out;
}

/** Every paragraph of the document, in order; exported so the layout can be checked without unzipping. */
export function minutesParagraphs(doc: MinutesDocument): Paragraph[] {
  const date = chineseDateOf(documentDateOf(doc), doc.approvedAt ? 'approvedAt' : 'heldAt');
  const approval = doc.approvedBy ? [rightParagraph(`审定：${officeHolderText(doc.approvedBy)}`)] : [];
  // 版记 uses the full-width comma between units and ends with a full stop (GB/T 9704 §9.2).
  const distribution = doc.distribution.map((d) => d.trim()).filter(Boolean);
  return [
    titleParagraph(doc.title),
    centredParagraph(doc.number),
    centredParagraph(date, true),
    ...meetingFactParagraphs(doc),
    ...bodyParagraphsOf(doc.body).map(bodyParagraph),
    ...agreedItemParagraphs(doc.agreedItems, doc.principle),
    ...approval,
    ...imprintParagraphs(
      distribution.length > 0 ? `${distribution.join('，')}。` : undefined,
      `${doc.jointMeetingName}办公室`,
      date,
    ),
  ];
}

/**
 * Renders a 会议纪要 (or other meeting document) as DOCX in the official-document layout. Pure:
 * the same input gives the same document, except the package's creation timestamp.
 */
export async function renderMinutesDocx(input: MinutesDocument): Promise<Buffer> {
  const document = new Document({
    creator: input.jointMeetingName,
    title: input.title,
    subject: KIND_NAMES[input.kind],
    keywords: input.number,
    description: `${input.tenantName} ${KIND_NAMES[input.kind]} ${input.number}`,
    styles: {
      default: { document: { run: { font: FONT.body, size: SIZE.sanhao }, paragraph: { spacing: LINE_SPACING } } },
    },
    sections: [
      { properties: pageProperties(), footers: { default: pageNumberFooter() }, children: minutesParagraphs(input) },
    ],
  });
  return Packer.toBuffer(document);
}
