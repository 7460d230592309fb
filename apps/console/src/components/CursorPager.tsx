import type { Dispatch, SetStateAction } from 'react';
import { Button } from 'antd';

/** The cursors of the pages seen so far, `[null]` being the first page; the last one is the page shown. */
export type Cursors = (string | null)[];

/**
 * 上一页 / 下一页 over a list paged by cursor (docs/api-conventions.md, "Lists: one page shape"): back drops the
 * last cursor, forward adds the shown page's `nextCursor` (disabled on the last page). Placed in the caller's
 * own row, beside whatever else it shows (a page counter, a page size).
 */
export function CursorPager({
  cursors,
  setCursors,
  nextCursor,
  size,
}: {
  cursors: Cursors;
  setCursors: Dispatch<SetStateAction<Cursors>>;
  nextCursor: string | null | undefined;
  size?: 'small';
}) {
  return (
    <>
      <Button size={size} disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
        上一页
      </Button>
      <Button size={size} disabled={!nextCursor} onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}>
        下一页
      </Button>
    </>
  );
}
