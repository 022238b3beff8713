/**
 * `npm run risk:recompute [-- --batch 1000]`: assesses every house again under the current risk tier
 * definition (definitions/risk-tiers), in batches, printing progress; a changed tier is recorded in
 * the house's history with the cause `recompute`. Safe to run while the platform runs.
 */
import { parseArgs } from 'node:util';
import { CURRENT_RISK_VERSION } from '../definitions/risk-tiers/index.ts';
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { recomputeAllRiskTiers } from '../domain/risk/refresh.ts';
import { runMain } from '../domain/run-main.ts';

function usage(problem: string): never {
  console.error(`risk:recompute: ${problem}\nusage: npm run risk:recompute [-- --batch <houses per transaction>]`);
  process.exit(2);
}

runMain('risk:recompute', async () => {
  let values: { batch?: string };
  try {
    ({ values } = parseArgs({ options: { batch: { type: 'string' } } }));
  } catch (error) {
    usage((error as Error).message);
  }
  const batchSize = Number(values.batch ?? '1000');
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) usage('--batch must be an integer from 1 to 50000');
  const db = await connectDatabase(loadConfig());
  const started = Date.now();
  try {
    const r = await recomputeAllRiskTiers(db, {
      batchSize,
      onProgress: (done, total) => process.stdout.write(`\r风险分级重算 ${done}/${total}`),
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `\n已按第 ${CURRENT_RISK_VERSION} 版规则重算 ${r.assessed} 栋房屋（${seconds.toFixed(1)} 秒）：${r.changed} 栋结果有变化，其中 ${r.moved} 栋风险等级变化\n`,
    );
  } finally {
    await db.destroy();
  }
});
