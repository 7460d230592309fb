import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CODE_PATTERN } from '@engine/validation';
import { TenantLevel } from '@core/tenancy/entities';
import { SortDirection, SupervisionStatusSortField } from '../supervision-status.model';

@InputType()
export class SupervisionStatusFilter {
  @Field(() => TenantLevel, { nullable: true })
  @IsOptional()
  @IsEnum(TenantLevel, { message: 'level must be a tenant level' })
  level?: TenantLevel;

  @Field({ nullable: true, description: 'Only the direct children of this tenant.' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'parentCode must be lower-case letters, digits and dashes' })
  parentCode?: string;

  @Field(() => Int, { nullable: true, description: 'At least this many overdue cases.' })
  @IsOptional()
  @IsInt({ message: 'minOverdue must be a whole number' })
  @Min(0, { message: 'minOverdue must not be negative' })
  @Max(1_000_000)
  minOverdue?: number;

  @Field({ nullable: true, description: 'true: with active listings; false: without.' })
  @IsOptional()
  @IsBoolean({ message: 'hasListed must be true or false' })
  hasListed?: boolean;

  @Field({ nullable: true, description: 'true: with interviews awaiting rectification; false: without.' })
  @IsOptional()
  @IsBoolean({ message: 'awaitingRectification must be true or false' })
  awaitingRectification?: boolean;

  @Field({ nullable: true, description: 'true: with ladder steps proposed and awaiting the office; false: without.' })
  @IsOptional()
  @IsBoolean({ message: 'hasProposed must be true or false' })
  hasProposed?: boolean;
}

@InputType()
export class SupervisionStatusOrder {
  @Field(() => SupervisionStatusSortField, { defaultValue: SupervisionStatusSortField.NAME })
  @IsOptional()
  @IsEnum(SupervisionStatusSortField, { message: 'field must be a sort field' })
  field?: SupervisionStatusSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsOptional()
  @IsEnum(SortDirection, { message: 'direction must be ASC or DESC' })
  direction?: SortDirection;
}
