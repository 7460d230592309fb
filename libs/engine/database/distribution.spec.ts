import { citusStatements, distributionPlan, type TableFacts } from './distribution';

const table = (t: string, over: Partial<TableFacts> = {}): TableFacts => ({
  table: t,
  hasTenantId: true,
  tenantIdNullable: false,
  primaryKey: ['tenant_id', 'id'],
  foreignKeys: [],
  ...over,
});

describe('distribution by tenant on Citus', () => {
  const good = [
    table('tenant', { hasTenantId: false, primaryKey: ['id'] }),
    table('meeting', { foreignKeys: [{ columns: ['tenant_id'], references: 'tenant' }] }),
    table('minutes', {
      foreignKeys: [
        { columns: ['tenant_id', 'meeting_id'], references: 'meeting' },
        { columns: ['approved_by'], references: 'app_user' },
      ],
    }),
    table('app_user', { tenantIdNullable: true, primaryKey: ['id'] }),
    table('migrations', { hasTenantId: false, primaryKey: ['id'] }),
  ];

  it('classifies tables: reference, local, distributed; a rule-abiding schema has no violations', () => {
    const plan = distributionPlan(good);
    expect(plan).toEqual({
      reference: ['app_user', 'tenant'],
      distributed: ['meeting', 'minutes'],
      local: ['migrations'],
      violations: {},
    });
  });

  it('emits reference tables first, then every tenant table colocated with the first', () => {
    expect(citusStatements(distributionPlan(good))).toEqual([
      "SELECT create_reference_table('app_user')",
      "SELECT create_reference_table('tenant')",
      "SELECT create_distributed_table('meeting', 'tenant_id')",
      "SELECT create_distributed_table('minutes', 'tenant_id', colocate_with => 'meeting')",
    ]);
  });

  it('skips the tables already distributed, still colocating with the first tenant table', () => {
    expect(citusStatements(distributionPlan(good), ['tenant', 'meeting'])).toEqual([
      "SELECT create_reference_table('app_user')",
      "SELECT create_distributed_table('minutes', 'tenant_id', colocate_with => 'meeting')",
    ]);
  });

  it('names each broken rule, and refuses to distribute while any is broken', () => {
    const plan = distributionPlan([
      ...good,
      table('agreed_item', {
        primaryKey: ['id'],
        foreignKeys: [
          { columns: ['minutes_id'], references: 'minutes' },
          { columns: ['created_by'], references: 'app_user' },
        ],
      }),
      table('stray', { hasTenantId: false, primaryKey: ['id'] }),
      table('half', { tenantIdNullable: true }),
    ]);
    expect(plan.violations).toEqual({
      agreed_item: [
        'primary key (id) does not lead with tenant_id',
        'foreign key (minutes_id) → minutes lacks tenant_id',
      ],
      half: ['tenant_id is nullable'],
      stray: [
        'no tenant_id column (add it, or name the table in REFERENCE_TABLES)',
        'primary key (id) does not lead with tenant_id',
      ],
    });
    expect(() => citusStatements(plan)).toThrow(/3 tenant table\(s\) break the key rules \(agreed_item, half, stray\)/);
  });

  it('a foreign key must match tenant_id to tenant_id, unique keys must hold tenant_id, global tables must not point into tenant tables', () => {
    const plan = distributionPlan([
      ...good,
      table('assessment', {
        foreignKeys: [
          { columns: ['tenant_id', 'unit_id'], references: 'meeting', referencedColumns: ['tenant_id', 'id'] },
          { columns: ['unit_id', 'tenant_id'], references: 'minutes', referencedColumns: ['tenant_id', 'id'] },
        ],
        uniqueKeys: [
          ['tenant_id', 'period'],
          ['case_id', 'position'],
        ],
      }),
      table('tenant_tree', {
        hasTenantId: false,
        primaryKey: ['id'],
        foreignKeys: [{ columns: ['meeting_id'], references: 'meeting' }],
      }),
    ]);
    expect(plan.violations).toEqual({
      assessment: [
        'foreign key (unit_id, tenant_id) → minutes (tenant_id, id) does not match tenant_id to tenant_id',
        'unique key (case_id, position) lacks tenant_id',
      ],
      tenant_tree: ['foreign key (meeting_id) → meeting points from a global table into a tenant table'],
    });
  });
});
