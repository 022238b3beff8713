/**
 * The file store on an S3-compatible object store (issue 21 §1), the same five methods as the folder
 * store, so every API and worker process of a cluster reads what another wrote without a shared file
 * system. Keys are the platform's own (checked as the folder store checks them), under an optional
 * prefix; streams of unknown length go up in parts (`@aws-sdk/lib-storage`), a reader gets bytes from a
 * start offset with a ranged GET.
 */
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { checkFileKey } from './files.ts';
import type { ListableFileStore } from './files.ts';

export interface S3Settings {
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export class S3FileStore implements ListableFileStore {
  private readonly s3: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.s3 = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  private key(key: string): string {
    return `${this.settings.prefix}${checkFileKey(key)}`;
  }

  /** Makes the bucket when it is missing (a new deployment); run once at start. */
  async ensureBucket(): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.settings.bucket }));
    } catch (error) {
      if (!notFound(error)) throw error;
      await this.s3.send(new CreateBucketCommand({ Bucket: this.settings.bucket }));
    }
  }

  where(key: string): string {
    return `s3://${this.settings.bucket}/${this.key(key)}`;
  }

  /** One object written whole or not at all: S3 shows a new object only once its upload completes. */
  async put(key: string, data: Buffer | string | Readable): Promise<void> {
    const Key = this.key(key);
    if (typeof data === 'string' || Buffer.isBuffer(data)) {
      await this.s3.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key, Body: data }));
      return;
    }
    await new Upload({ client: this.s3, params: { Bucket: this.settings.bucket, Key, Body: data } }).done();
  }

  read(key: string, start = 0): Readable {
    const out = new PassThrough();
    const Key = this.key(key);
    this.s3
      .send(new GetObjectCommand({ Bucket: this.settings.bucket, Key, ...(start > 0 ? { Range: `bytes=${start}-` } : {}) }))
      .then((answer) => {
        const body = answer.Body as Readable | undefined;
        if (!body) throw new Error(`no body for ${Key}`);
        body.on('error', (error) => out.destroy(error));
        body.pipe(out);
      })
      .catch((error: unknown) => out.destroy(error as Error));
    return out;
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
      return head.ContentLength;
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }));
  }

  /** Every key under the prefix, a page (`pageSize`, at most 1,000) at a time. */
  async *keys(pageSize = 1000): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.settings.bucket,
          Prefix: this.settings.prefix || undefined,
          ContinuationToken: token,
          MaxKeys: pageSize,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key.slice(this.settings.prefix.length);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  close(): void {
    this.s3.destroy();
  }
}
