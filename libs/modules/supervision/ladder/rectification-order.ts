import type { DueDate } from '@engine/calendar';
import type { StatedDuration } from '@jm/plugin-sdk';
import { deadlineBasis, type DeadlineBasis } from '../deadline-basis';
import type { DecideAccountabilityInput } from './dto/actions.inputs';
import { SUPERVISION_ERRORS } from '../supervision.errors';
import { cite, type SupervisionRules } from '../supervision-rules';

type Accountability = NonNullable<SupervisionRules['accountability']>;

/** A rectification order (责令限期整改): its date, who set it, and where its figure comes from. */
export interface RectificationOrder {
  dueOn: string;
  provisional: boolean;
  /** OFFICE: the conveners' date (003 §七 sets no figure); RULES: the plugin's `rectificationWithin`. */
  setBy: 'OFFICE' | 'RULES';
  basis: DeadlineBasis | null;
  /** The deadline as notifications word it. */
  words: string;
  /** The article that orders rectification (the accountability rule's). */
  source: string;
}

/** Whether the decision orders rectification: `orderRectification`, or implied by `rectifyBy`. */
export function ordersRectification(input: Pick<DecideAccountabilityInput, 'orderRectification' | 'rectifyBy'>) {
  return input.orderRectification === true || input.rectifyBy !== undefined;
}

/**
 * 责令限期整改 (003 §七): the conveners' date (联席办确定), or the plugin's `rectificationWithin` counted from
 * the decision day (`due`, the tenant's calendar) with the article that states its figure or as a
 * default (D5); null when no rectification is ordered.
 */
export async function rectificationOrderOf(
  accountability: Accountability,
  input: Pick<DecideAccountabilityInput, 'orderRectification' | 'rectifyBy'>,
  today: string,
  due: (within: StatedDuration) => Promise<DueDate>,
): Promise<RectificationOrder | null> {
  if (input.orderRectification === false && input.rectifyBy !== undefined)
    throw SUPERVISION_ERRORS.badInput('input.rectifyBy', 'RECTIFY_BY_WITHOUT_ORDER');
  if (!ordersRectification(input)) return null;
  const source = cite(accountability);
  if (input.rectifyBy !== undefined) {
    if (input.rectifyBy <= today) throw SUPERVISION_ERRORS.badInput('input.rectifyBy', 'NOT_AFTER_TODAY');
    return { dueOn: input.rectifyBy, provisional: false, setBy: 'OFFICE', basis: null, words: '联席办确定', source };
  }
  const within = accountability.rule.rectificationWithin;
  if (!within) throw SUPERVISION_ERRORS.badInput('input.rectifyBy', 'DUE_REQUIRED');
  const date = await due(within);
  const basis = deadlineBasis(within, accountability.inherited ? accountability.pluginId : null);
  return { dueOn: date.date, provisional: date.provisional, setBy: 'RULES', basis, words: basis.words, source };
}
