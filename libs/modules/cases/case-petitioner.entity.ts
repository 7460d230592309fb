import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A petitioner of a case; personal data encrypted at rest, exposed only through `Petitioner`. */
@Entity('case_petitioner')
export class CasePetitioner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'name_enc', type: 'text' })
  nameEnc: string;

  @Column({ name: 'id_number_enc', type: 'text', nullable: true })
  idNumberEnc: string | null;

  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc: string | null;

  @Column({ name: 'address_enc', type: 'text', nullable: true })
  addressEnc: string | null;

  /** Keyed hash of the ID number (or name + phone): matches repeat petitions without decrypting. */
  @Column({ name: 'person_key', type: 'text' })
  personKey: string;

  @Column({ type: 'boolean', default: false })
  organiser: boolean;
}

@Entity('case_link')
export class CaseLink {
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ name: 'earlier_case_id', type: 'uuid' })
  earlierCaseId: string;

  @Column({ type: 'text' })
  kind: 'REPEAT';
}
