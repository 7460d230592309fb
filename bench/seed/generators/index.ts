import type { Generator } from '../province';
import type { PluginTemplate } from '../templates';
import { casesGenerator } from './cases';
import { meetingsGenerator } from './meetings';
import { notificationsGenerator } from './notifications';
import { structureGenerator } from './structure';
import { usersGenerator } from './users';

/**
 * The generator modules, in order (each may use what the ones before it planned). A new domain is
 * one more entry: `casesGenerator` is the extension point for the petition ledger, and a
 * supervision generator (notices, escalations) goes after it.
 */
export function generators(templates: PluginTemplate[]): Generator[] {
  return [structureGenerator(templates), usersGenerator, meetingsGenerator, notificationsGenerator, casesGenerator];
}
