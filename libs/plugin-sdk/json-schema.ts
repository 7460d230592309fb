import { z } from 'zod';
import { dataSections, identitySchema } from './plugin';

/**
 * What a YAML or JSON plugin file holds: its identity, its data sections and `remove` (no hooks: code
 * hooks are for TypeScript plugins only). The same zod schemas the registry validates with.
 */
export const pluginFileSchema = identitySchema
  .extend({
    ...dataSections,
    remove: z
      .array(z.string().min(1).max(200))
      .default([])
      .describe('Keys of inherited keyed items to drop (`meetingTypes:PLENARY`, `supervision.ladder:bottom-three`).'),
  })
  .describe('A jurisdiction plugin (信访工作联席会议规则) as data: see docs/authoring-a-jurisdiction.md.');

type JsonSchema = Record<string, unknown>;

const SECTION_KEYS = Object.keys(dataSections);

/** A copy of `schema` where nothing is required, at any depth: a plugin with `extends` writes only differences. */
function partial(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(partial);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'required') continue;
    // A child's keyed list item replaces the inherited one wholesale: items stay complete.
    out[k] = k === 'items' ? v : k === 'minItems' ? undefined : partial(v);
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/**
 * The published JSON Schema of a plugin file (draft-07, which editors such as VS Code's YAML extension
 * read), generated from the zod schemas with zod's `toJSONSchema`. A plugin without `extends` must be
 * complete; with `extends` its sections hold only what it adds or overrides. Checks zod cannot express
 * in JSON Schema (RRULE shape, semver, cross-field references) stay with the registry.
 */
export function pluginJsonSchema(): JsonSchema {
  const full = z.toJSONSchema(pluginFileSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  const properties = full.properties as Record<string, JsonSchema>;
  const required = (full.required as string[]) ?? [];
  const sectionsRequired = required.filter((k) => SECTION_KEYS.includes(k));
  const identityRequired = required.filter((k) => !SECTION_KEYS.includes(k));
  const { $schema, ...rest } = full;
  const fullSections = Object.fromEntries(SECTION_KEYS.map((k) => [k, properties[k]]));
  return {
    $schema,
    title: 'Jurisdiction plugin',
    ...rest,
    // Every field is offered (and unknown ones refused) at any depth; a complete plugin is required only without `extends`.
    properties: { ...properties, ...Object.fromEntries(SECTION_KEYS.map((k) => [k, partial(properties[k])])) },
    required: identityRequired,
    if: { properties: { extends: { type: 'array', minItems: 1 } }, required: ['extends'] },
    else: { properties: fullSections, required: sectionsRequired },
  };
}

/** What a YAML or JSON plugin file holds, as its author writes it (before defaults). */
export type PluginFile = z.input<typeof pluginFileSchema>;
