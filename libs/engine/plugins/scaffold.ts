import type { EffectivePlugin } from '@jm/plugin-sdk';

/**
 * A new YAML plugin extending `base`, with only its identity written: every section is inherited until
 * the author writes what differs. The inherited keys are listed as comments, so the author overrides
 * by key (docs/authoring-a-jurisdiction.md). The result validates as it is.
 */
export function scaffoldPlugin(id: string, base: EffectivePlugin, schemaPath: string): string {
  const keys = (items: readonly { [k: string]: unknown }[], key: string): string =>
    items.map((i) => String(i[key])).join(', ') || '—';
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    '#',
    `# ${id}: extends ${base.id}@${base.version}. Write only what differs from it, each rule with`,
    '# source: "<document> <article>"; what the document leaves open stays inherited or is a platform default.',
    `id: ${id}`,
    'version: 1.0.0',
    `name: ${id}  # the joint meeting's name, e.g. 某某镇信访工作联席会议`,
    `level: ${base.level}`,
    `extends: [${base.id}]`,
    'sdk: ^1.0.0',
    'source:',
    '  file: rules.txt  # the rules document this plugin encodes',
    '  title: rules  # its title as it reads',
    '  date: null  # its date (YYYY-MM-DD), or null',
    '',
    `# Inherited from ${base.id} — override by key, drop with remove: ['meetingTypes:CODE']:`,
    `#   structure.jointMeetingName: ${base.structure.jointMeetingName}`,
    `#   structure.conveners (by key): ${keys(base.structure.conveners, 'key')}`,
    `#   structure.office.director: ${base.structure.office.director.title}`,
    `#   memberUnits (by name): ${keys(base.memberUnits, 'name')}`,
    `#   meetingTypes (by code): ${keys(base.meetingTypes, 'code')}`,
    `#   supervision.ladder (by id): ${keys(base.supervision.ladder, 'id')}`,
    `#   cases.stepLimits (by step): ${keys(base.cases.stepLimits, 'step')}`,
    `#   rulesChanges: ${base.rulesChanges ? `approval ${base.rulesChanges.approval}` : 'platform default (no approval, conveners told)'}`,
    '',
  ].join('\n');
}
