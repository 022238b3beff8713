/**
 * `npm run seed:synthetic -- --count 260000 [--seed 42]`: fills the registry with a realistic
 * synthetic district for demos and benchmarks (deterministic for a seed; a second run with the same
 * seed adds nothing).
 */
import { parseArgs } from 'node:util';
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { seedSyntheticBuildings } from '../tools/synthetic/seed.ts';
import { runMain } from '../domain/run-main.ts';

function usage(problem: string): never {
  console.error(`seed:synthetic: ${problem}\nusage: npm run seed:synthetic -- --count <n> [--seed <integer>]`);
  process.exit(2);
}

runMain('seed:synthetic', async () => {
  let values: { count?: string; seed?: string };
  try {
    ({ values } = parseArgs({ options: { count: { type: 'string' }, seed: { type: 'string' } } }));
  } catch (error) {
    usage((error as Error).message);
  }
  const count = Number(values.count);
  const seed = Number(values.seed ?? '42');
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) usage('--count must be an integer from 1 to 5000000');
  if (!Number.isInteger(seed) || seed < 0) usage('--seed must be a non-negative integer');
  const config = loadConfig();
  const db = await connectDatabase(config);
  const started = Date.now();
  try {
    const inserted = await seedSyntheticBuildings(db, {
      count,
      seed,
      district: config.seedDistrict.slice(0, 6),
      onProgress: (written) => process.stdout.write(`\r合成房屋 ${written}/${count}`),
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `\n已写入 ${inserted} 栋合成房屋（种子 ${seed}，${seconds.toFixed(1)} 秒，${Math.round(count / seconds)} 行/秒）\n`,
    );
    if (inserted < count) console.log(`${count - inserted} 栋已存在（同一种子的外部编号 SYN-${seed}-… 已登记），未重复写入`);
  } finally {
    await db.destroy();
  }
});
