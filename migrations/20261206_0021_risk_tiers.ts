import type { Knex } from 'knex';

const TIERS = `'red', 'orange', 'yellow', 'green'`;

/**
 * Risk tiers (风险分级): each house carries its tier, the reasons that put it there and the version of
 * the rules (definitions/risk-tiers) that computed it; every change of tier is kept (from → to, why,
 * when, what caused it). A house no rule has looked at yet is green with no reasons and no version.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('buildings', (t) => {
    t.text('risk_tier').notNullable().defaultTo('green');
    t.jsonb('risk_reasons').notNullable().defaultTo('[]');
    t.integer('risk_version').nullable();
    t.timestamp('risk_computed_at', { useTz: true }).nullable();
    t.check(`risk_tier IN (${TIERS})`, [], 'buildings_risk_tier_check');
  });
  await knex.raw('CREATE INDEX buildings_risk_tier_idx ON buildings (risk_tier, village_code)');

  await knex.schema.createTable('building_risk_changes', (t) => {
    t.bigIncrements('id', { primaryKey: false });
    t.primary(['id'], { constraintName: 'building_risk_changes_pkey' });
    t.string('building_code', 18).notNullable();
    t.foreign('building_code', 'building_risk_changes_building_fk').references('buildings.code');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('from_tier').nullable();
    t.text('to_tier').notNullable();
    t.jsonb('reasons').notNullable();
    t.integer('version').notNullable();
    /** What caused the recomputation: `case:<id>`, `inspection:<id>`, `building:edit`, `import:<id>`, `schedule`, … */
    t.text('cause').notNullable();
    t.check(`from_tier IS NULL OR from_tier IN (${TIERS})`, [], 'building_risk_changes_from_check');
    t.check(`to_tier IN (${TIERS})`, [], 'building_risk_changes_to_check');
    t.index(['building_code', 'at'], 'building_risk_changes_building_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('building_risk_changes');
  await knex.raw('DROP INDEX buildings_risk_tier_idx');
  await knex.schema.alterTable('buildings', (t) => {
    t.dropChecks(['buildings_risk_tier_check']);
    t.dropColumns('risk_tier', 'risk_reasons', 'risk_version', 'risk_computed_at');
  });
}
