/**
 * `npm run labels -- --region <region code> --out <file.pdf>`: prints the labels of a village or a
 * town straight to a PDF, with a progress line. `--batch` makes a label batch instead: the worker
 * renders it chunk by chunk through Temporal (resumable), and this command follows its progress.
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAppAbility, rulesFor } from '../domain/abilities.ts';
import { connectDatabase, connectTemporal } from '../domain/boot.ts';
import { loadConfig } from '../domain/config.ts';
import type { Db } from '../domain/db.ts';
import { openFileStore } from '../domain/file-stores.ts';
import { LabelBatchService } from '../api/services/label-batches.ts';
import { DatabaseLabelBatchStore } from '../domain/labels/database-store.ts';
import { writeLabelSheet } from '../domain/labels/pdf.ts';
import type { LabelData } from '../domain/labels/pdf.ts';
import { LabelSource } from '../domain/labels/source.ts';
import { isRegionCodeShape } from '../domain/regions.ts';
import { DatabaseAuditStore } from '../domain/stores/database-audit.ts';
import { DatabaseRegionStore } from '../domain/stores/database-regions.ts';
import { followBatch, progressLine } from './lib/label-progress.ts';
import { runMain } from '../domain/run-main.ts';

const USAGE = 'usage: npm run labels -- --region <region code> --out <file.pdf> [--batch]';

function usage(problem: string): never {
  console.error(`labels: ${problem}\n${USAGE}`);
  process.exit(2);
}

/** The region's labels, read 500 at a time in code order. */
async function* regionLabels(source: LabelSource, regionCode: string, cutoff: Date): AsyncGenerator<LabelData> {
  let after: string | null = null;
  for (;;) {
    const page = await source.page(regionCode, after, 500, cutoff);
    yield* page;
    if (page.length < 500) return;
    after = page[page.length - 1]?.code ?? null;
  }
}

async function renderDirect(db: Db, baseUrl: string, regionCode: string, regionName: string, out: string): Promise<void> {
  const source = new LabelSource(db, baseUrl);
  const cutoff = new Date();
  const total = await source.count(regionCode, cutoff);
  if (total === 0) usage(`${regionName}（${regionCode}）还没有登记房屋`);
  const startedAt = Date.now();
  await writeLabelSheet(regionLabels(source, regionCode, cutoff), createWriteStream(out), {
    title: `${regionName} 房屋标签`,
    onPage: (done) => {
      if (done % 500 === 0 || done === total) progressLine(done, total, startedAt, done === total);
    },
  });
  console.log(`PDF：${out}（${total} 张标签）`);
}

runMain('labels', async () => {
  const { values } = parseArgs({ options: { region: { type: 'string' }, out: { type: 'string' }, batch: { type: 'boolean' } } });
  const regionCode = values.region;
  if (!regionCode || !isRegionCodeShape(regionCode))
    usage('--region needs a region code (e.g. 441802006001 for a village, 441802006 for a town)');
  if (!values.batch && !values.out) usage('--out <file.pdf> is needed (or --batch)');
  const config = loadConfig();
  if (!config.publicBaseUrl) {
    console.error(`注意：未设置 PUBLIC_BASE_URL，二维码将指向 ${config.baseUrl}，群众的手机打不开；正式打印前请设置。`);
  }
  const db = await connectDatabase(config);
  try {
    const regionName = await new DatabaseRegionStore(db).nameOf(regionCode);
    if (!regionName) usage(`region ${regionCode} is not loaded (npm run seed:regions -- <district>)`);
    if (!values.batch) return await renderDirect(db, config.baseUrl, regionCode, regionName, values.out as string);
    const { connection, client } = await connectTemporal(config);
    try {
      // The operator at the console acts for the whole platform, like npm run user:create.
      const ability = createAppAbility(rulesFor({ id: 'cli', role: 'district_admin', regionCode: '0' }));
      const who = { actorId: null, actorName: 'cli', actorRole: null, ip: null, userAgent: null, requestId: null };
      const files = await openFileStore(config);
      const service = new LabelBatchService({
        db,
        batches: new DatabaseLabelBatchStore(db),
        regions: new DatabaseRegionStore(db),
        audit: new DatabaseAuditStore(db),
        files,
        temporal: client,
        taskQueue: config.temporalTaskQueue,
      });
      const { id } = await service.create(ability, who, { regionCode });
      console.log(`已创建打印任务 ${id}（查看进度：npm run labels:status -- ${id}）`);
      const batch = await followBatch(db, files, id, values.out);
      if (batch.status === 'failed') {
        console.error(`打印任务失败：${batch.error ?? ''}`);
        process.exitCode = 1;
      }
    } finally {
      await connection.close();
    }
  } finally {
    await db.destroy();
  }
});
