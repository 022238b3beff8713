/**
 * `npm run bench:map-tiles [-- --seconds 2 --zooms 10,11,…,17 --cold 120 --viewers 20]`: the two ways of
 * serving the houses as vector tiles (issue 18), measured on the existing 260,000-house database
 * `ydym_bench_stats_260000` (read only; PostGIS objects live in schema `bench_map`, dropped at the end):
 *  1. PostGIS: `ST_AsMVT` over a materialized copy of the houses' points in EPSG:3857 with a GiST index;
 *     below zoom 14 one feature per grid cell (1/16 of the tile) with its count and counts per risk tier,
 *     from zoom 14 one point per house with its code and tier; region filter by code prefix.
 *  2. Node: the houses' points loaded by one SELECT into `supercluster` (counts per tier by map/reduce),
 *     one index per region scope, tiles encoded by `vt-pbf`.
 *  3. Baseline: Node's tiles written once to files and read back with `readFile`.
 * Per scope (the district 441802, the town 441802006) and zoom: 20 async viewers in a closed loop ask for
 * tiles picked from random houses' positions; "cold" is the first request of each distinct tile (nothing
 * in the tile cache; PostgreSQL's own buffers are warm), "warm" repeats them for `--seconds` through an
 * in-process cache of encoded tiles (what the API would do, with an ETag). Every request first yields to
 * the event loop, so a viewer's latency includes waiting behind the other viewers' work on this thread.
 * PostGIS's per-tile SQL time is measured on one connection with no other viewer.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import Supercluster from 'supercluster';
import { runMain } from '../domain/run-main.ts';
import { arg, argList, say } from './cli.ts';

const vtpbf = createRequire(import.meta.url)('vt-pbf') as {
  fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
};

const URL = process.env.BENCH_MAP_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ydym_bench_stats_260000';
const DISTRICT = '441802';
const TOWN = '441802006';
const TIERS = ['red', 'orange', 'yellow', 'green'] as const;
/** Below this zoom the map shows clusters with counts; from it, one point per house. */
const POINT_ZOOM = 14;
const EXTENT = 4096;
/** PostGIS grid cell, in tile units: 1/16 of the tile. Supercluster's radius is chosen to match. */
const CELL = 256;

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

type Tier = (typeof TIERS)[number];
interface House {
  code: string;
  village: string;
  lon: number;
  lat: number;
  tier: Tier;
}
interface LeafProps {
  code: string;
  tier: Tier;
}
interface ClusterProps {
  red: number;
  orange: number;
  yellow: number;
  green: number;
}
interface Tile {
  z: number;
  x: number;
  y: number;
}
type Source = (t: Tile) => Promise<Buffer>;

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
/** p50 / p95 in ms: to a tenth from 10 ms, to a hundredth below (cache hits take microseconds). */
const ms = (xs: number[]): string => {
  if (!xs.length) return '–';
  const s = Float64Array.from(xs).sort();
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const f = (v: number) => (v >= 10 ? v.toFixed(1) : v.toFixed(2));
  return `${f(q(0.5))} / ${f(q(0.95))}`;
};
const sizes = (xs: number[]): string =>
  xs.length ? `${(xs.reduce((a, b) => a + b, 0) / xs.length / 1024).toFixed(1)} / ${(Math.max(...xs) / 1024).toFixed(1)}` : '–';
const memory = (): string => {
  gc();
  const m = process.memoryUsage();
  return `heap ${mb(m.heapUsed)}, RSS ${mb(m.rss)}`;
};
const key = (t: Tile): string => `${t.z}/${t.x}/${t.y}`;

function tileOf(lon: number, lat: number, z: number): Tile {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

/** `viewers` async viewers each asking for `next()`'s tile until it returns null; latencies in ms. */
async function closedLoop(viewers: number, next: () => Tile | null, source: Source): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: viewers }, async () => {
      for (let t = next(); t; t = next()) {
        const start = performance.now();
        await new Promise(setImmediate);
        await source(t);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies;
}

/** A tile source behind an in-process cache of encoded tiles, recording each generated tile's size. */
function cached(generate: Source): { source: Source; cache: Map<string, Buffer>; sizes: number[] } {
  const cache = new Map<string, Buffer>();
  const sizes: number[] = [];
  return {
    cache,
    sizes,
    source: async (t) => {
      const hit = cache.get(key(t));
      if (hit) return hit;
      const tile = await generate(t);
      cache.set(key(t), tile);
      sizes.push(tile.length);
      return tile;
    },
  };
}

/**
 * A house on the edge between two tiles belongs to one of them only (west and north edges in, east and
 * south edges out), so the counts of the tiles add up to the registry's count.
 */
const inTile = `h.geom && env.e and ST_X(h.geom) >= ST_XMin(env.e) and ST_X(h.geom) < ST_XMax(env.e)
     and ST_Y(h.geom) > ST_YMin(env.e) and ST_Y(h.geom) <= ST_YMax(env.e)`;

/**
 * The region filter, `$4` being the region code: a town by equality on the copy's `town` column (B-tree
 * index; PostgreSQL combines it with the GiST one), any other prefix by LIKE (the district: every house).
 */
const inRegion = (scope: string): string => (scope.length === 9 ? 'h.town = $4' : "h.village_code like $4 || '%'");

/**
 * Below POINT_ZOOM: one feature per grid cell of CELL tile units, at the mean position of its houses, with
 * the count and the count per tier. The cell is computed from the 3857 coordinates by arithmetic rather
 * than by ST_AsMVTGeom on every house (half the SQL time on a district tile).
 */
const clusterSql = (scope: string): string => `
with env as (select ST_TileEnvelope($1, $2, $3) as e),
b as (select e, ST_XMin(e) as x0, ST_YMax(e) as y0, (ST_XMax(e) - ST_XMin(e)) / ${EXTENT} as s from env),
pts as (
  select h.tier, (ST_X(h.geom) - env.x0) / env.s as x, (env.y0 - ST_Y(h.geom)) / env.s as y
    from bench_map.houses h, b as env
   where ${inTile} and ${inRegion(scope)}
),
cells as (
  select count(*)::int as count,
         ${TIERS.map((t) => `count(*) filter (where tier = '${t}')::int as ${t}`).join(', ')},
         ST_MakePoint(round(avg(x)), round(avg(y))) as geom
    from pts
   group by least(floor(x / ${CELL}), ${EXTENT / CELL - 1}), least(floor(y / ${CELL}), ${EXTENT / CELL - 1})
)
select ST_AsMVT(cells, 'houses', ${EXTENT}, 'geom') as mvt from cells`;

/** From POINT_ZOOM: one point per house with its code and tier. */
const pointSql = (scope: string): string => `
with env as (select ST_TileEnvelope($1, $2, $3) as e),
pts as (
  select h.code, h.tier, ST_AsMVTGeom(h.geom, env.e, ${EXTENT}, 0, false) as geom
    from bench_map.houses h, env
   where ${inTile} and ${inRegion(scope)}
)
select ST_AsMVT(pts, 'houses', ${EXTENT}, 'geom') as mvt from pts where geom is not null`;

async function main(): Promise<void> {
  const seconds = arg('seconds', 2);
  const zooms = argList('zooms', [10, 11, 12, 13, 14, 15, 16, 17]);
  const coldMax = arg('cold', 120);
  const viewers = arg('viewers', 20);
  const startLoad = loadavg();
  const out: string[] = [];
  const note = (line: string) => {
    say(line);
    out.push(line);
  };
  note(
    `# bench:map-tiles ${new Date().toISOString().slice(0, 16)}Z\n\n` +
      `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average at the start ${startLoad.map((l) => l.toFixed(2)).join(' ')}; ` +
      `${viewers} viewers, zooms ${zooms.join(',')}, warm window ${seconds} s per approach, up to ${coldMax} distinct tiles per zoom cold.\n`,
  );

  const pool = new pg.Pool({ connectionString: URL, max: viewers, options: '-c jit=off' });
  try {
    // --- PostGIS setup
    let postgis = true;
    try {
      await pool.query('create extension if not exists postgis');
    } catch (error) {
      postgis = false;
      note(
        `PostGIS is missing on this PostgreSQL (${(error as Error).message}); install it with ` +
          '`apt-get install -y postgresql-15-postgis-3`. Skipping the PostGIS part.\n',
      );
    }
    if (postgis) {
      const version = (await pool.query<{ v: string }>('select postgis_lib_version() as v')).rows[0]?.v;
      await pool.query('drop schema if exists bench_map cascade');
      await pool.query('create schema bench_map');
      let t = performance.now();
      await pool.query(
        `create table bench_map.houses as
           select code, village_code, left(village_code, 9) as town, risk_tier as tier,
                  ST_Transform(ST_SetSRID(ST_MakePoint(longitude, latitude), 4326), 3857) as geom
             from public.buildings where longitude is not null and latitude is not null`,
      );
      const copy = performance.now() - t;
      t = performance.now();
      await pool.query('create index on bench_map.houses using gist (geom)');
      await pool.query('create index on bench_map.houses (town)');
      await pool.query('analyze bench_map.houses');
      const index = performance.now() - t;
      const size = (
        await pool.query<{ table: string; total: string }>(
          `select pg_relation_size('bench_map.houses')::text as table, pg_total_relation_size('bench_map.houses')::text as total`,
        )
      ).rows[0];
      note(
        `PostGIS ${version}: materialized copy (code, village_code, town, tier, geom 3857) ${(copy / 1000).toFixed(1)} s, ` +
          `GiST index on geom, B-tree on town, analyze ${(index / 1000).toFixed(1)} s; size on disk ${mb(Number(size?.table))} table, ` +
          `${mb(Number(size?.total))} with the index (the tile source is PostgreSQL's shared buffers, no memory in the API).\n`,
      );
    }

    // --- Node setup
    const before = memory();
    const t = performance.now();
    const rows = (
      await pool.query<{ code: string; village_code: string; longitude: number; latitude: number; risk_tier: Tier }>(
        'select code, village_code, longitude, latitude, risk_tier from public.buildings where longitude is not null and latitude is not null',
      )
    ).rows;
    const houses: House[] = rows.map((r) => ({
      code: r.code,
      village: r.village_code,
      lon: r.longitude,
      lat: r.latitude,
      tier: r.risk_tier,
    }));
    rows.length = 0;
    const load = performance.now() - t;
    const afterLoad = memory();
    const build = (scope: string) => {
      const start = performance.now();
      const index = new Supercluster<LeafProps, ClusterProps>({
        radius: CELL / 2,
        extent: EXTENT,
        maxZoom: POINT_ZOOM - 1,
        map: (p) => ({
          red: p.tier === 'red' ? 1 : 0,
          orange: p.tier === 'orange' ? 1 : 0,
          yellow: p.tier === 'yellow' ? 1 : 0,
          green: p.tier === 'green' ? 1 : 0,
        }),
        reduce: (a, p) => {
          a.red += p.red;
          a.orange += p.orange;
          a.yellow += p.yellow;
          a.green += p.green;
        },
      });
      index.load(
        houses
          .filter((h) => h.village.startsWith(scope))
          .map((h) => ({
            type: 'Feature' as const,
            properties: { code: h.code, tier: h.tier },
            geometry: { type: 'Point' as const, coordinates: [h.lon, h.lat] },
          })),
      );
      return { index, ms: performance.now() - start };
    };
    const district = build(DISTRICT);
    const afterDistrict = memory();
    const town = build(TOWN);
    const afterTown = memory();
    note(
      `Node (supercluster radius ${CELL / 2}/${EXTENT}, maxZoom ${POINT_ZOOM - 1}; vt-pbf): one SELECT of ${houses.length} points ${(load / 1000).toFixed(1)} s; ` +
        `index build: district ${(district.ms / 1000).toFixed(1)} s, town ${TOWN} ${(town.ms / 1000).toFixed(1)} s.\n` +
        `Memory (after GC): before ${before}; houses loaded ${afterLoad}; + district index ${afterDistrict}; + town index ${afterTown}.\n`,
    );

    // --- the counts must equal the registry's: sum of the z10 clusters against a SQL count
    for (const [scope, idx] of [
      [DISTRICT, district.index],
      [TOWN, town.index],
    ] as const) {
      const sql = Number(
        (
          await pool.query<{ n: string }>(
            `select count(*) as n from public.buildings where village_code like $1 and longitude is not null`,
            [`${scope}%`],
          )
        ).rows[0]?.n,
      );
      const sum = idx
        .getClusters([-180, -85, 180, 85], 10)
        .reduce((a, f) => a + ('cluster' in f.properties && f.properties.cluster ? f.properties.point_count : 1), 0);
      let pgSum = NaN;
      if (postgis) {
        pgSum = 0;
        const tiles = new Map<string, Tile>();
        for (const h of houses) if (h.village.startsWith(scope)) tiles.set(key(tileOf(h.lon, h.lat, 10)), tileOf(h.lon, h.lat, 10));
        for (const tile of tiles.values()) {
          const r = await pool.query<{ n: string }>(
            clusterSql(scope).replace(/select ST_AsMVT\(cells[^\n]*$/, 'select sum(count) as n from cells'),
            [tile.z, tile.x, tile.y, scope],
          );
          pgSum += Number(r.rows[0]?.n);
        }
      }
      note(`Counts for ${scope}: SQL count ${sql}; Node's z10 clusters sum to ${sum}; PostGIS's z10 tiles' cells sum to ${pgSum}.`);
    }
    note('');

    // --- the runs
    const dir = join(tmpdir(), `bench-map-tiles-${process.pid}`);
    const header =
      '| scope | z | tiles cold | PostGIS cold p50 / p95 ms | PostGIS warm p50 / p95 ms (req/s) | PostGIS SQL 1 viewer p50 / p95 ms | ' +
      'Node cold p50 / p95 ms | Node warm p50 / p95 ms (req/s) | file read p50 / p95 ms (req/s) | PostGIS tile avg / max KB | Node tile avg / max KB |';
    const table = [header, `|${'---|'.repeat(11)}`];
    for (const [scope, idx] of [
      [DISTRICT, district.index],
      [TOWN, town.index],
    ] as const) {
      const inScope = houses.filter((h) => h.village.startsWith(scope));
      for (const z of zooms) {
        // tiles picked from random houses: the warm list keeps the houses' density, the cold list is distinct
        const picked: Tile[] = [];
        for (let i = 0; i < 5000; i++) {
          const h = inScope[Math.floor(Math.random() * inScope.length)];
          if (h) picked.push(tileOf(h.lon, h.lat, z));
        }
        const distinct = [...new Map(picked.map((p) => [key(p), p])).values()].slice(0, coldMax);
        const allowed = new Set(distinct.map(key));
        const warmList = picked.filter((p) => allowed.has(key(p)));
        const coldRun = (source: Source) => {
          let i = 0;
          return closedLoop(viewers, () => distinct[i++] ?? null, source);
        };
        const warmRun = async (source: Source) => {
          const end = performance.now() + seconds * 1000;
          const lat = await closedLoop(
            viewers,
            () => (performance.now() < end ? (warmList[Math.floor(Math.random() * warmList.length)] ?? null) : null),
            source,
          );
          return { lat, rps: Math.round(lat.length / seconds) };
        };

        let pgCold: number[] = [];
        let pgWarm = { lat: [] as number[], rps: 0 };
        const pgSql: number[] = [];
        let pgSizes: number[] = [];
        if (postgis) {
          const sql = z < POINT_ZOOM ? clusterSql(scope) : pointSql(scope);
          const generate: Source = async (t) =>
            (await pool.query<{ mvt: Buffer | null }>(sql, [t.z, t.x, t.y, scope])).rows[0]?.mvt ?? Buffer.alloc(0);
          const c = cached(generate);
          pgCold = await coldRun(c.source);
          pgWarm = await warmRun(c.source);
          pgSizes = c.sizes;
          const client = await pool.connect();
          try {
            for (const t of distinct.slice(0, 30)) {
              const start = performance.now();
              await client.query(sql, [t.z, t.x, t.y, scope]);
              pgSql.push(performance.now() - start);
            }
          } finally {
            client.release();
          }
        }

        const generate: Source = async (t) => {
          const tile = idx.getTile(t.z, t.x, t.y);
          return tile ? Buffer.from(vtpbf.fromGeojsonVt({ houses: tile }, { version: 2, extent: EXTENT })) : Buffer.alloc(0);
        };
        const c = cached(generate);
        const nodeCold = await coldRun(c.source);
        const nodeWarm = await warmRun(c.source);

        // baseline: the same (Node's) tiles written once to files, read back on every request
        const file = (t: Tile) => join(dir, scope, String(t.z), `${t.x}-${t.y}.mvt`);
        mkdirSync(join(dir, scope, String(z)), { recursive: true });
        for (const t of distinct) writeFileSync(file(t), c.cache.get(key(t)) ?? Buffer.alloc(0));
        const fileWarm = await warmRun((t) => readFile(file(t)));

        table.push(
          `| ${scope} | ${z} | ${distinct.length} | ${ms(pgCold)} | ${ms(pgWarm.lat)} (${pgWarm.rps}) | ${ms(pgSql)} | ` +
            `${ms(nodeCold)} | ${ms(nodeWarm.lat)} (${nodeWarm.rps}) | ${ms(fileWarm.lat)} (${fileWarm.rps}) | ` +
            `${sizes(pgSizes)} | ${sizes(c.sizes)} |`,
        );
        say(table[table.length - 1] ?? '');
      }
    }
    rmSync(dir, { recursive: true, force: true });
    note('');
    for (const line of table) note(line);
    note(
      `\nMemory at the end (both indexes and the tile caches of the last zoom): ${memory()}. ` +
        `Load average at the end ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}.`,
    );
    if (process.argv.includes('--out')) writeFileSync(String(process.argv[process.argv.indexOf('--out') + 1]), `${out.join('\n')}\n`);
  } finally {
    await pool.query('drop schema if exists bench_map cascade').catch(() => undefined);
    await pool.end();
  }
}

runMain('bench:map-tiles', main);
