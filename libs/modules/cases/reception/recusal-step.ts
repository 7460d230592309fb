import { mask, type PiiCipher } from '@engine/crypto';
import type { CaseEvent } from '../case-event.entity';

/**
 * The RECUSED step's data: the leader who recused is sealed like a petitioner's name — they recuse
 * precisely because they are a petitioner or linked to one (004 領導接待日制度 7), and the step sat
 * in clear (`{"recused":"冯领导"}`) beside the masked `冯**`, in the table and in its audit trail.
 */
export function recusalData(cipher: PiiCipher, recused: string, onDuty: string | null): Record<string, unknown> {
  return { recusedEnc: cipher.encrypt(recused), onDuty };
}

/**
 * A history step as the caller may see it: the recused leader in full for roles that read
 * petitioners' names in full, masked for the rest; rows written before sealing (clear `recused`)
 * are masked for every role that lacks the field rule.
 */
export function presentEvent(cipher: PiiCipher, event: CaseEvent, showNames: boolean): CaseEvent {
  const { recusedEnc, recused, ...rest } = event.data ?? {};
  if (recusedEnc === undefined && recused === undefined) return event;
  const plain =
    typeof recusedEnc === 'string' ? cipher.decrypt(recusedEnc) : typeof recused === 'string' ? recused : '';
  return Object.assign(Object.create(Object.getPrototypeOf(event) as object) as CaseEvent, event, {
    data: { ...rest, recused: showNames ? plain : mask.name(plain), masked: !showNames },
  });
}
