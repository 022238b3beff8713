/**
 * `npm run audit:verify [-- <case id or number>]`: recomputes the hash chain of one case, or of every
 * case, and names the first broken link of each case that fails. Exit code 1 when any chain is broken.
 */
import { parseArgs } from 'node:util';
import { connectDatabase } from '../domain/boot.ts';
import { verifyCaseChain } from '../domain/cases/chain.ts';
import type { ChainBreak } from '../domain/cases/chain.ts';
import { loadConfig } from '../domain/config.ts';
import { runMain } from './lib/main.ts';

const REASONS: Record<ChainBreak, string> = {
  prev_hash: '前一条哈希不符（记录被替换、重排或插入）',
  hash: '内容哈希不符（记录被改动）',
  gap: '序号缺失（记录被删除）',
  truncated: '记录少于案件的最后序号（末尾记录被删除）',
  extra: '记录多于案件的最后序号（记录被插入）',
};

runMain('audit:verify', async () => {
  const { positionals } = parseArgs({ allowPositionals: true });
  const config = loadConfig();
  const db = await connectDatabase(config);
  try {
    const wanted = positionals[0];
    const query = db('cases').select('id', 'number').orderBy('created_at');
    if (wanted) query.where((w) => (/^[0-9a-f-]{36}$/i.test(wanted) ? w.where('id', wanted) : w.where('number', wanted)));
    const cases = (await query) as { id: string; number: string }[];
    if (wanted && cases.length === 0) {
      console.error(`audit:verify: 案件 ${wanted} 不存在`);
      process.exitCode = 2;
      return;
    }
    let broken = 0;
    let events = 0;
    for (const c of cases) {
      const verdict = await verifyCaseChain(db, c.id);
      events += verdict.events;
      if (verdict.ok) continue;
      broken++;
      const at = verdict.brokenAt;
      console.log(`✗ ${c.number} (${c.id}): 第 ${at?.seq} 条记录校验失败：${at ? REASONS[at.reason] : ''}`);
    }
    console.log(`audit:verify: ${cases.length} 个案件，${events} 条记录，${broken ? `${broken} 个案件校验失败` : '全部校验通过'}`);
    if (broken) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
});
