import type { Generator } from '../province';
import type { PluginTemplate } from '../templates';
import { casesGenerator } from './cases';
import { meetingsGenerator } from './meetings';
import { notificationsGenerator } from './notifications';
import { structureGenerator } from './structure';
import { usersGenerator } from './users';

/**
 * The generator modules, in order (each may use what the ones before it planned). A new domain is
 * one more entry. EXTENSION POINT (supervision): a supervision generator (notices, ladder actions,
 * inspections) goes after `casesGenerator`, with `available()` checking for its tables.
 */
export function generators(templates: PluginTemplate[]): Generator[] {
  return [structureGenerator(templates), usersGenerator, meetingsGenerator, notificationsGenerator, casesGenerator];
}
