import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum MemberUnitKind {
  DEPARTMENT = 'DEPARTMENT',
  VILLAGE = 'VILLAGE',
  COMMUNITY = 'COMMUNITY',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(MemberUnitKind, {
  name: 'MemberUnitKind',
  description: "TOWNSHIP: a child tenant sitting in its parent's joint meeting.",
});

/** A member unit (成员单位) of a tenant's joint meeting. */
@Entity('member_unit')
@ObjectType('MemberUnit')
export class MemberUnit {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text' })
  @Field(() => MemberUnitKind)
  kind: MemberUnitKind;

  /** Other spellings the sources use for this unit. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  aliases: string[];

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  /** For a TOWNSHIP unit: the child tenant it stands for. */
  @Column({ name: 'child_tenant_id', type: 'uuid', nullable: true })
  childTenantId: string | null;

  /** Where the unit comes from: the plugin's citation, or null for units added by the office. */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  source: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}
