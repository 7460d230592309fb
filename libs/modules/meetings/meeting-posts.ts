import type { Position } from '@jm/plugin-sdk';

/** How a role is printed when no single post of the plugin holds it (a platform wording, not a source's). */
const ROLE_LABELS: Readonly<Record<string, string>> = {
  CHIEF_CONVENER: '总召集人',
  CONVENER: '召集人',
  OFFICE_DIRECTOR: '办公室主任',
};

/** The joint meeting's posts: the conveners, then the office director. */
export function postsOf(structure: { conveners: readonly Position[]; office: { director: Position } }): Position[] {
  return [...structure.conveners, structure.office.director];
}

/**
 * The post printed for a role on a document (主持人, 审定): the post recorded for the meeting when there is
 * one, else the only post holding the role, else the role's name. 001 has three conveners: printing the
 * first (镇党委书记) for a meeting the deputy secretary chaired was the defect this replaces.
 */
export function postTitleFor(posts: readonly Position[], role: string, recorded?: string | null): string {
  if (recorded) return recorded;
  const holding = posts.filter((p) => p.role === role);
  if (holding.length === 1) return holding[0].title;
  return ROLE_LABELS[role] ?? role;
}

/** The document's title from the meeting's own title: 九月信访工作会议 → 九月信访工作会议纪要. */
export function documentTitleOf(meetingTitle: string, kind: 'MINUTES' | 'MEETING_DOCUMENT'): string {
  const title = meetingTitle.trim();
  const suffix = kind === 'MINUTES' ? '纪要' : '文件';
  return title.endsWith(suffix) ? title : `${title}${suffix}`;
}
