import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give a working local configuration', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.baseUrl, 'http://localhost:3000');
  assert.equal(config.databaseUrl, 'postgres://ydym_app@127.0.0.1:5432/ydym');
  assert.equal(config.temporalTaskQueue, 'ydym');
});

test('every bad variable is named with the reason', () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        TEMPORAL_ADDRESS: 'nohost',
        MAP_BASEMAP_PMTILES: '/nowhere/basemap.pmtiles',
        MAP_BASEMAP_COORDINATES: 'bd09',
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 5);
      assert.match(error.message, /MAP_BASEMAP_PMTILES="\/nowhere\/basemap.pmtiles": no such file/);
      assert.match(error.message, /MAP_BASEMAP_COORDINATES="bd09": must be one of wgs84, gcj02/);
      assert.match(error.message, /PORT="eighty": must be an integer/);
      assert.match(error.message, /DATABASE_URL="mysql:\/\/x": must be a postgres: or postgresql: URL/);
      assert.match(error.message, /TEMPORAL_ADDRESS="nohost": must be host:port/);
      return true;
    },
  );
});

test('only the default database address may get the bundled PostgreSQL, on EMBEDDED_POSTGRES_PORT', () => {
  const moved = loadConfig({ EMBEDDED_POSTGRES_PORT: '25432' });
  assert.equal(moved.databaseUrl, 'postgres://ydym_app@127.0.0.1:25432/ydym');
  assert.equal(moved.databaseAtDefault, true);
  const set = loadConfig({ DATABASE_URL: 'postgres://app@db.example:5433/ydym', EMBEDDED_POSTGRES_PORT: '25432' });
  assert.equal(set.databaseUrl, 'postgres://app@db.example:5433/ydym', 'a URL someone set is kept as written');
  assert.equal(set.databaseAtDefault, false);
  assert.equal(loadConfig({ DATABASE_OWNER_URL: 'postgres://postgres@127.0.0.1:5432/ydym' }).databaseAtDefault, false);
  assert.throws(() => loadConfig({ EMBEDDED_POSTGRES: 'sometimes' }), /EMBEDDED_POSTGRES="sometimes": must be one of auto, never/);
});
