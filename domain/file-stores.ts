/**
 * The file store a configuration names (FILE_STORE): the folder under DATA_DIR, or an S3-compatible
 * store whose bucket is made on first use. Every process that reads or writes files opens it here.
 */
import type { Config } from './config.ts';
import { fileStoreFor } from './files.ts';
import type { FileStore } from './files.ts';
import { StartupError } from './run-main.ts';

type FileConfig = Pick<
  Config,
  'fileStore' | 'dataDir' | 's3Endpoint' | 's3Region' | 's3Bucket' | 's3Prefix' | 's3AccessKeyId' | 's3SecretAccessKey'
>;

export async function openFileStore(config: FileConfig): Promise<FileStore> {
  if (config.fileStore === 'folder') return fileStoreFor(config.dataDir);
  const missing = [
    ['S3_ACCESS_KEY_ID', config.s3AccessKeyId],
    ['S3_SECRET_ACCESS_KEY', config.s3SecretAccessKey],
  ].filter(([, value]) => !value);
  if (missing.length) throw new StartupError(`${missing.map(([name]) => name).join(', ')}: must be set when FILE_STORE=s3`);
  // Loaded only when configured: the SDK is large and the folder store needs none of it.
  const { S3FileStore } = await import('./s3-files.ts');
  const store = new S3FileStore({
    endpoint: config.s3Endpoint,
    region: config.s3Region,
    bucket: config.s3Bucket,
    prefix: config.s3Prefix,
    accessKeyId: config.s3AccessKeyId,
    secretAccessKey: config.s3SecretAccessKey,
  });
  await store.ensureBucket();
  return store;
}
