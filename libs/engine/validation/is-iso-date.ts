import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches } from 'class-validator';

/** A calendar date written YYYY-MM-DD (and real: no 2026-02-30). */
export function IsIsoDate(): PropertyDecorator {
  const message = '$property must be a date YYYY-MM-DD';
  return applyDecorators(IsDateString({ strict: true }, { message }), Matches(/^\d{4}-\d{2}-\d{2}$/, { message }));
}
