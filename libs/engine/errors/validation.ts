import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './app-error';
import { constraintReason } from './reasons';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      reason: constraintReason(constraint),
      message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The global validation pipe: whitelist + transform, and a BAD_USER_INPUT answer that names every
 * offending field (`input.name: name must be shorter than or equal to 100 characters`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors, 'input').map((p) => ({
        ...p,
        field: p.field.replace(/^input\.input\./, 'input.'),
      }));
      const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      return new BadRequestException({ message, problems });
    },
  });
}
