/** `npm run labels:status -- <batch id> [--follow]`: where a label batch stands; `--follow` waits until it ends. */
import { parseArgs } from 'node:util';
import { connectDatabase } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import { openFileStore } from '../domain/file-stores.ts';
import { DatabaseLabelBatchStore } from '../domain/labels/database-store.ts';
import { describeBatch, followBatch } from './lib/label-progress.ts';
import { runMain } from '../domain/run-main.ts';

runMain('labels:status', async () => {
  const { values, positionals } = parseArgs({ options: { follow: { type: 'boolean', short: 'f' } }, allowPositionals: true });
  const id = positionals[0];
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) {
    console.error('labels:status: a batch id is needed\nusage: npm run labels:status -- <batch id> [--follow]');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await connectDatabase(config);
  try {
    const store = new DatabaseLabelBatchStore(db);
    let batch = await store.find(null, id);
    if (!batch) {
      console.error(`labels:status: 打印任务 ${id} 不存在`);
      process.exitCode = 1;
      return;
    }
    if (values.follow) batch = await followBatch(db, await openFileStore(config), id);
    console.log(describeBatch(batch));
    for (const chunk of await store.chunks(id)) {
      console.log(`  第 ${chunk.chunkNo} 部分：${chunk.labelCount} 张，完成于 ${chunk.doneAt.toISOString()}`);
    }
    if (batch.status === 'done' && batch.fileKey) console.log(`  PDF：${(await openFileStore(config)).where(batch.fileKey)}`);
    if (batch.status === 'failed') process.exitCode = 1;
  } finally {
    await db.destroy();
  }
});
