/**
 * `npm run audit:verify [-- [--anchors <file>] [<case id or number>]]`: recomputes the hash chain of one
 * case, or of every case, against its last_seq, and names the first broken link of each case that fails;
 * then checks the anchors: each anchor's root against its heads, the database's anchors against the
 * copy in `<file>` (the exported anchors.jsonl the auditor kept), and every anchored head against the
 * case events. Exit code 1 when anything does not hold.
 */
import { parseArgs } from 'node:util';
import { connectDatabase } from '../domain/boot.ts';
import { readAnchorFile } from '../domain/cases/anchor-file.ts';
import { verifyAnchors } from '../domain/cases/anchors.ts';
import { verifyCaseChain } from '../domain/cases/chain.ts';
import type { ChainBreak } from '../domain/cases/chain.ts';
import { loadConfig } from '../domain/config.ts';
import { runMain } from '../domain/run-main.ts';

const REASONS: Record<ChainBreak, string> = {
  prev_hash: '前一条哈希不符（记录被替换、重排或插入）',
  hash: '内容哈希不符（记录被改动）',
  gap: '序号缺失（记录被删除）',
  truncated: '记录少于案件的最后序号（末尾记录被删除）',
  extra: '记录多于案件的最后序号（记录被插入）',
};

runMain('audit:verify', async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { anchors: { type: 'string' } } });
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

    const copy = values.anchors ? await readAnchorFile(values.anchors) : undefined;
    const anchors = await verifyAnchors(db, copy?.anchors);
    const problems = [...(copy?.problems ?? []), ...anchors.problems];
    for (const problem of problems) console.log(`✗ ${problem}`);
    const source = values.anchors ? `数据库与锚点文件 ${values.anchors}` : '数据库（未提供 --anchors 锚点文件，仅核对库内锚点）';
    if (anchors.anchors === 0 && !problems.length) console.log(`audit:verify: ${source}中尚无锚点`);
    else
      console.log(
        `audit:verify: 锚点 ${anchors.anchors} 个，链头 ${anchors.heads} 个，核对${source}：${problems.length ? `${problems.length} 处不符` : '全部相符'}`,
      );
    if (problems.length) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
});
