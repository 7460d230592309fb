import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EffectivePlugin } from '@jm/plugin-sdk';
import type { RuleChange } from './rules-diff';

/** A running item of a tenant that a change of its rules touches (an open obligation, a pending proposal, a running deadline). */
export interface AffectedItem {
  /** What it is: CADENCE_OBLIGATION, SUPERVISION_PROPOSAL, CASE_DEADLINE (each context names its own). */
  kind: string;
  id: string;
  /** A short human label (meeting type and period, rule and unit, case number and due date). */
  label: string;
  /** The changed rule path(s) that touch it (`<list>[<key>].<field>`). */
  paths: string[];
  /** What the change does to it, in words (superseded, keeps its due date, …). */
  effect: string;
}

/** Before and after of one tenant's rules change, as the participants see it. */
export interface RulesChangeView {
  tenantId: string;
  before: EffectivePlugin;
  after: EffectivePlugin;
  changes: readonly RuleChange[];
}

/**
 * A context taking part in a tenant's rules change: it names the running items the change would
 * affect (for the diff) and, when the change applies, adjusts them in the same transaction. Contexts
 * register at construction, so the tenancy context (which applies the change) imports none of them.
 */
export interface RulesChangeParticipant {
  name: string;
  affected(em: EntityManager, view: RulesChangeView): Promise<AffectedItem[]>;
  /** Runs inside the change's transaction, in the tenant's scope, after the new snapshot is written. */
  apply?(em: EntityManager, view: RulesChangeView, at: Date): Promise<void>;
}

/** The participants of rules changes (a global singleton of the core module). */
@Injectable()
export class RulesChangeParticipants {
  private readonly list: RulesChangeParticipant[] = [];

  register(participant: RulesChangeParticipant): void {
    if (!this.list.some((p) => p.name === participant.name)) this.list.push(participant);
  }

  all(): readonly RulesChangeParticipant[] {
    return this.list;
  }
}
