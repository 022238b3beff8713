/**
 * `npm run files:to-s3`: copies the folder store's files (`DATA_DIR/files`) into the S3-compatible store
 * that S3_* configure, before switching FILE_STORE to `s3`. Run it again until it copies nothing (it skips
 * what is there already); the folder is left as it was.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../domain/config.ts';
import { openFileStore } from '../domain/file-stores.ts';
import { runMain } from '../domain/run-main.ts';
import { copyFolderToStore } from './lib/copy-files.ts';

runMain('files:to-s3', async () => {
  const config = loadConfig();
  const root = join(resolve(config.dataDir), 'files');
  const target = await openFileStore({ ...config, fileStore: 's3' });
  console.log(`copying ${root} → S3 bucket ${config.s3Bucket}${config.s3Prefix ? ` under ${config.s3Prefix}` : ''}`);
  const report = await copyFolderToStore(root, target, (line) => console.log(line));
  console.log(
    `${report.copied} copied (${(report.bytes / 1_048_576).toFixed(1)} MB), ${report.skipped} already there, ${report.failed.length} failed`,
  );
  for (const f of report.failed.slice(0, 20)) console.log(`  ${f.key}: ${f.reason}`);
  if (report.failed.length) process.exitCode = 1;
});
