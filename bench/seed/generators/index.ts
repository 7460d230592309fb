import type { Generator } from '../province';
import type { PluginTemplate } from '../templates';
import { casesGenerator } from './cases';
import { meetingsGenerator } from './meetings';
import { notificationsGenerator } from './notifications';
import { structureGenerator } from './structure';
import { supervisionGenerator } from './supervision';
import { usersGenerator } from './users';

/**
 * The generator modules, in order (each may use what the ones before it planned). A new domain is
 * one more entry. Supervision (notices, the office's reminders, listings and interviews) comes last;
 * inspections are not generated yet.
 */
export function generators(templates: PluginTemplate[]): Generator[] {
  return [
    structureGenerator(templates),
    usersGenerator,
    meetingsGenerator,
    notificationsGenerator,
    casesGenerator,
    supervisionGenerator,
  ];
}
