import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IBorderOptions,
  type ISectionPropertiesOptions,
} from 'docx';

/**
 * The layout of 党政机关公文 (GB/T 9704-2012) as docx building blocks: A4, margins 37/35/28/26 mm,
 * title in 方正小标宋简体 二号, text in 仿宋_GB2312 三号 at a fixed 28 pt line, headings in 黑体,
 * 版记 in 四号 between rules, page numbers "— 1 —" in 宋体 四号.
 *
 * Fonts are set by name only: a viewer without them substitutes (仿宋_GB2312 ships with Windows
 * Chinese editions; 方正小标宋简体 is installed in most government offices). Embedding them is a
 * licensing question, not a layout one.
 */
export const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', pageNumber: '宋体' } as const;

/** Sizes in half-points, as Word stores them: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;

/** A fixed 28 pt line (560 twips) gives the standard 22 lines of text per page. */
export const LINE_SPACING = { line: 560, lineRule: LineRuleType.EXACT };
const LINE = LINE_SPACING;

/** Two 三号 characters: paragraphs start indented by two characters. */
const FIRST_LINE_INDENT = 640;

export const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** A4 in twips (210 × 297 mm). */
const A4 = { width: 11906, height: 16838 };

/** The width between the margins, for the right-aligned tab of the 印发 line. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right);

/** Rules in eighths of a point: 版记's first and last rules are thicker (0.35 mm) than those between (0.25 mm). */
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const THICK_RULE: IBorderOptions = { ...RULE, size: 8 };

export function pageProperties(): ISectionPropertiesOptions {
  const mm = convertMillimetersToTwip;
  return {
    page: {
      size: A4,
      margin: {
        top: mm(PAGE_MARGINS_MM.top),
        bottom: mm(PAGE_MARGINS_MM.bottom),
        left: mm(PAGE_MARGINS_MM.left),
        right: mm(PAGE_MARGINS_MM.right),
        header: mm(15),
        footer: mm(28),
      },
    },
  };
}

/** Runs of the body font; `font` is set on every run so nothing falls back to the theme's Latin font. */
function run(text: string, font: string = FONT.body, size: number = SIZE.sanhao, bold = false): TextRun {
  return new TextRun({ text, font, size, bold, language: { eastAsia: 'zh-CN' } });
}

/** The title: centred, bold, black (a 纪要 has no red masthead), a blank line below. */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
    children: [run(text, FONT.title, SIZE.erhao, true)],
  });
}

/** A centred body-font line (发文字号, date); `ruleBelow` closes the header block with a line. */
export function centredParagraph(text: string, ruleBelow = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: LINE,
    border: ruleBelow ? { bottom: RULE } : undefined,
    children: [run(text)],
  });
}

/** "出席：…": the label in 黑体, the rest in the body font. */
export function labelledParagraph(label: string, text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: FIRST_LINE_INDENT },
    children: [run(`${label}：`, FONT.heading), run(text)],
  });
}

export function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: FIRST_LINE_INDENT },
    keepNext: true,
    children: [run(text, FONT.heading)],
  });
}

export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: FIRST_LINE_INDENT },
    alignment: AlignmentType.BOTH,
    children: [run(text)],
  });
}

/** A right-aligned body line (审定). */
export function rightParagraph(text: string): Paragraph {
  return new Paragraph({
    spacing: { ...LINE, before: 560 },
    alignment: AlignmentType.RIGHT,
    indent: { right: FIRST_LINE_INDENT },
    children: [run(text)],
  });
}

/**
 * 版记: "分送：…" and "<issuer>\t<date>印发" in 四号 between rules, the issuer left and the date
 * right-aligned. Without a distribution list only the 印发 line is printed.
 */
export function imprintParagraphs(distribution: string | undefined, issuer: string, issuedOn: string): Paragraph[] {
  const spacing = { ...LINE, before: 0, after: 0 };
  const out: Paragraph[] = [];
  if (distribution)
    out.push(
      new Paragraph({
        spacing: { ...spacing, before: 560 },
        indent: { left: 280, right: 280 },
        border: { top: THICK_RULE },
        children: [run(`分送：${distribution}`, FONT.body, SIZE.sihao)],
      }),
    );
  out.push(
    new Paragraph({
      spacing: distribution ? spacing : { ...spacing, before: 560 },
      indent: { left: 280, right: 280 },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 280 }],
      border: { top: distribution ? RULE : THICK_RULE, bottom: THICK_RULE },
      children: [run(`${issuer}\t${issuedOn}印发`, FONT.body, SIZE.sihao)],
    }),
  );
  return out;
}

/** "— 1 —" centred at the foot of every page. */
export function pageNumberFooter(): Footer {
  const size = SIZE.sihao;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: FONT.pageNumber, size, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}
