/** Why a day is or is not a working day. */
export type DayBasis =
  | 'WEEKDAY' /* Monday–Friday, nothing special */
  | 'WEEKEND'
  | 'HOLIDAY' /* a weekday off under the official arrangement */
  | 'ADJUSTED_WORKDAY' /* a weekend day worked under the official arrangement (调休上班) */
  | 'OVERRIDE_WORKDAY' /* the tenant's local override */
  | 'OVERRIDE_HOLIDAY';

export interface DayStatus {
  date: string;
  working: boolean;
  basis: DayBasis;
  /**
   * Set when the answer is not settled: the year whose official arrangement is missing. For a day
   * of an unloaded year `working` is the Monday–Friday assumption; for the last week of December
   * of a loaded year it is that year's answer, which the next year's New Year notice may still move.
   */
  missingYear?: number;
  /** The override's reason, for OVERRIDE_* days. */
  reason?: string;
}

/** A computed deadline (or any counted date). */
export interface DueDate {
  date: string;
  /**
   * True when a day the result depends on was judged without its year's arrangement (counted as
   * Monday–Friday). Show it as provisional and recompute once the year is loaded; never silent.
   */
  provisional: boolean;
  /** The years whose arrangement was missing (empty unless provisional). */
  missingYears: number[];
}

export type DurationUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WEEKS' | 'MONTHS';

/** A rule's time limit, e.g. `{ amount: 60, unit: 'CALENDAR_DAYS', excluding: ['HEARING'] }`. */
export interface Duration {
  amount: number;
  unit: DurationUnit;
  /**
   * The kinds of pause that stop this rule's clock (e.g. ['HEARING', 'APPRAISAL'] for "听证、鉴定
   * 所需时间不计算在期限内"). Absent: every pause given stops it. A pause without a kind stops only
   * rules that leave `excluding` out.
   */
  excluding?: readonly string[];
  /**
   * When a CALENDAR_DAYS / WEEKS / MONTHS period ends on a day that is not a working day:
   * KEEP (default) leaves it; NEXT_WORKING_DAY moves it to the next working day (民法典 第二百零三条:
   * 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
   */
  lastDayOff?: 'KEEP' | 'NEXT_WORKING_DAY';
}

/** A period, both ends included, during which the clock stops (e.g. a hearing). */
export interface Pause {
  from: string;
  to: string;
  kind?: string;
}
