import { Field, Int, ObjectType } from '@nestjs/graphql';
import { permittedFieldsOf } from '@casl/ability/extra';
import { subject } from '@casl/ability';
import type { RequestContext } from '@engine/context';
import { mask, type PiiCipher } from '@engine/crypto';
import type { PetitionerInput } from './dto/intake.inputs';
import type { CasePetitioner } from '../case-petitioner.entity';
import { PERSONAL_FIELDS } from '../cases.abilities';

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
export function sealPetitioner(
  cipher: PiiCipher,
  p: PetitionerInput,
): Pick<CasePetitioner, 'nameEnc' | 'idNumberEnc' | 'phoneEnc' | 'addressEnc' | 'personKey' | 'organiser'> {
  const idNumber = p.idNumber?.trim().toUpperCase();
  return {
    nameEnc: cipher.encrypt(p.name.trim()),
    idNumberEnc: cipher.encryptOptional(idNumber),
    phoneEnc: cipher.encryptOptional(p.phone?.replace(/[\s-]/g, '')),
    addressEnc: cipher.encryptOptional(p.address?.trim()),
    // Same person: the same ID number; without one, the same name and phone (or name alone).
    personKey: idNumber
      ? cipher.matchKey('id', idNumber)
      : cipher.matchKey('name', p.name, p.phone?.replace(/[\s-]/g, '') ?? ''),
    organiser: p.organiser ?? false,
  };
}

/** The personal fields this caller may read in full for petitioners of a tenant. */
export function personalFieldsFor(ctx: RequestContext, tenantId: string): Set<PersonalField> {
  const fields = permittedFieldsOf(ctx.ability, 'read', subject('Petitioner', { tenantId }), {
    fieldsFrom: (rule) => rule.fields ?? [],
  });
  return new Set(fields.filter((f): f is PersonalField => (PERSONAL_FIELDS as readonly string[]).includes(f)));
}

/**
 * What the caller may see of a petitioner: each personal field is decrypted only when the query reads it
 * (a getter, so a list that selects `masked` or `organiser` decrypts nothing), in full where a field rule
 * grants it and masked elsewhere. Whether anything is masked is known without decrypting. Nothing
 * personal is logged here or elsewhere.
 */
export function presentPetitioner(cipher: PiiCipher, row: CasePetitioner, allowed: Set<PersonalField>): Petitioner {
  const sealed: Record<PersonalField, string | null> = {
    name: row.nameEnc,
    idNumber: row.idNumberEnc,
    phone: row.phoneEnc,
    address: row.addressEnc,
  };
  const fields = Object.keys(sealed) as PersonalField[];
  const petitioner = {
    position: row.position,
    organiser: row.organiser,
    masked: fields.some((f) => !!sealed[f] && !allowed.has(f)),
  } as Petitioner;
  for (const field of fields) {
    let shown: string | null | undefined;
    Object.defineProperty(petitioner, field, {
      enumerable: true,
      get: () => {
        if (shown === undefined) {
          const plain = cipher.decryptOptional(sealed[field]);
          shown = plain === null || allowed.has(field) ? plain : mask[field](plain);
        }
        return shown;
      },
    });
  }
  return petitioner;
}
