import type { Knex } from 'knex';

/**
 * Data completeness (issue 20 §3): `building_address_key(address)`, an address with case, spaces,
 * punctuation and full-width digits ignored, and an index on (village, key), so "the same address in a
 * village" (a likely duplicate, domain/completeness/gaps.ts) is an index probe per house rather than a
 * scan of the village.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION building_address_key(address text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT lower(regexp_replace(translate(address, '０１２３４５６７８９', '0123456789'),
                                    '[[:space:][:punct:]，。、；：（）【】《》“”‘’·－—]+', '', 'g'))
      $$;
    CREATE INDEX buildings_address_key_idx ON buildings (village_code, building_address_key(address));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX buildings_address_key_idx;
    DROP FUNCTION building_address_key(text);
  `);
}
