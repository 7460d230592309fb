import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Role } from '../roles';

// Written once for every input that grants roles (createUser, changeUserRoles), so the rule cannot drift
// between them. The decorators are applied in the order stacked decorators would be (bottom-up), so the
// validation messages come in the same order as before.

/** The roles an account holds: at least one, each once, each a role of the platform (at most all of them). */
export const RolesField = (): PropertyDecorator =>
  applyDecorators(
    IsEnum(Role, { each: true }),
    ArrayUnique(),
    ArrayMaxSize(Object.values(Role).length),
    ArrayMinSize(1, { message: 'roles must name at least one role' }),
    Field(() => [Role]),
  );

/** The member unit a unit role acts for (MEMBER_UNIT, VILLAGE_SECRETARY): optional, an id when given. */
export const MemberUnitIdField = (): PropertyDecorator =>
  applyDecorators(
    IsUUID('all', { message: 'memberUnitId must be an id' }),
    IsOptional(),
    Field(() => ID, { nullable: true }),
  );
