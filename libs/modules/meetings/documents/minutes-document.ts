/**
 * What a 会议纪要 (or other meeting document) prints, already resolved to display text: names of
 * units and people, not ids; the meeting type's name (全体会议), not its code. Rendering is pure,
 * so the caller decides what a tenant's documents say and the renderer only lays it out.
 */
export type MinutesDocumentKind = 'MINUTES' | 'MEETING_DOCUMENT';

/** A leader by post, with the name when known: 主持人 "镇长 张三", or just "召集人". */
export interface OfficeHolder {
  title: string;
  name?: string;
}

export interface AbsentUnit {
  unit: string;
  /** Why the unit was absent (请假事由), printed in brackets after it. */
  reason: string;
}

/** Someone invited without being a member (列席). */
export interface Guest {
  name: string;
  organisation?: string;
}

export interface AgreedItem {
  content: string;
  /** 责任单位; the first is the lead unit (牵头单位) by convention. */
  owners: string[];
  /** 完成时限, YYYY-MM-DD. */
  dueOn: string;
  /** The date is not final yet (暂定) and is printed as such, so nobody holds a unit to it. */
  provisional: boolean;
}

export interface MinutesDocument {
  tenantName: string;
  jointMeetingName: string;
  kind: MinutesDocumentKind;
  /** 发文字号, e.g. 十字联席〔2026〕3号. */
  number: string;
  /** The document's title as printed, e.g. 十字镇信访工作联席会议纪要. */
  title: string;
  /** The meeting type's display name, e.g. 全体会议. */
  meetingType: string;
  /** ISO instant; shown in Beijing time. */
  heldAt: string;
  location?: string;
  chair: OfficeHolder;
  present: string[];
  absent: AbsentUnit[];
  guests: Guest[];
  topics: string[];
  /** Paragraphs separated by blank lines; line breaks inside a paragraph are only wrapping. */
  body: string;
  agreedItems: AgreedItem[];
  /**
   * The principle member units carry the agreed items out by, and its article (000 art. 5, 001 art. 7), from
   * the plugin: printed after the agreed items; absent when the source states none.
   */
  principle?: { text: string; source: string | null };
  /** 分送: the units the document goes to. */
  distribution: string[];
  /** Who approved it (审定), e.g. the convener (召集人). */
  approvedBy?: OfficeHolder;
  /** ISO instant of approval; it is the document's date when present, else the meeting's day. */
  approvedAt?: string;
}

/** "镇长 张三", or "镇长" when the name is not known. */
export function officeHolderText(holder: OfficeHolder): string {
  const name = holder.name?.trim();
  return name ? `${holder.title.trim()} ${name}` : holder.title.trim();
}

/** The document's date: approval makes a 纪要 final; a draft carries the meeting's day. */
export function documentDateOf(doc: Pick<MinutesDocument, 'heldAt' | 'approvedAt'>): string {
  return doc.approvedAt ?? doc.heldAt;
}
