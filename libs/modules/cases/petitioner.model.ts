import { Field, Int, ObjectType } from '@nestjs/graphql';
import { permittedFieldsOf } from '@casl/ability/extra';
import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import { mask, type PiiCipher } from '@engine/crypto';
import type { PetitionerInput } from './dto/intake.inputs';
import type { CasePetitioner } from './case.entity';
import { PERSONAL_FIELDS } from './cases.abilities';

type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** A petitioner as a caller may see them: personal fields in full only where a field rule grants them. */
@ObjectType('Petitioner')
export class Petitioner {
  @Field(() => Int)
  position: number;

  @Field({ description: 'Full, or masked (张**) for roles that do not need it.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Full, or masked (110***********002X).' })
  idNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Full, or masked (138****5678).' })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Full, or only its first characters.' })
  address: string | null;

  @Field()
  organiser: boolean;

  @Field({ description: 'Whether any personal field was masked for this caller.' })
  masked: boolean;
}

/** The sealed columns and matching key of a petitioner, from intake input. */
export function sealPetitioner(cipher: PiiCipher, p: PetitionerInput): Pick<CasePetitioner, 'nameEnc' | 'idNumberEnc' | 'phoneEnc' | 'addressEnc' | 'personKey' | 'organiser'> {
  const idNumber = p.idNumber?.trim().toUpperCase();
  return {
    nameEnc: cipher.encrypt(p.name.trim()),
    idNumberEnc: cipher.encryptOptional(idNumber),
    phoneEnc: cipher.encryptOptional(p.phone?.replace(/[\s-]/g, '')),
    addressEnc: cipher.encryptOptional(p.address?.trim()),
    // Same person: the same ID number; without one, the same name and phone (or name alone).
    personKey: idNumber ? cipher.matchKey('id', idNumber) : cipher.matchKey('name', p.name, p.phone?.replace(/[\s-]/g, '') ?? ''),
    organiser: p.organiser ?? false,
  };
}

/** The personal fields this caller may read in full for petitioners of a tenant. */
export function personalFieldsFor(ctx: RequestContext, tenantId: string): Set<PersonalField> {
  const fields = permittedFieldsOf(ctx.ability, 'read', subject('Petitioner', { tenantId }), { fieldsFrom: (rule) => rule.fields ?? [] });
  return new Set(fields.filter((f): f is PersonalField => (PERSONAL_FIELDS as readonly string[]).includes(f)));
}

/** Decrypts what the caller may see and masks the rest. Nothing personal is logged here or elsewhere. */
export function presentPetitioner(cipher: PiiCipher, row: CasePetitioner, allowed: Set<PersonalField>): Petitioner {
  let masked = false;
  const show = (field: PersonalField, sealed: string | null): string | null => {
    const plain = cipher.decryptOptional(sealed);
    if (plain === null || allowed.has(field)) return plain;
    masked = true;
    return mask[field](plain);
  };
  const name = show('name', row.nameEnc)!;
  const result = { position: row.position, name, idNumber: show('idNumber', row.idNumberEnc), phone: show('phone', row.phoneEnc), address: show('address', row.addressEnc), organiser: row.organiser };
  return { ...result, masked };
}
