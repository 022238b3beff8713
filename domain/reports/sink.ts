/**
 * A file written to the file store as a stream, counting its bytes and hashing them (SHA-256) on the
 * way, with the writer's back-pressure respected; the manifest lists both.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import type { FileStore } from '../files.ts';

export class HashingSink {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private readonly stored: Promise<void>;
  /** What the writer writes to; the store reads it, every chunk counted and hashed on the way. */
  readonly stream = new Transform({
    transform: (chunk: Buffer, _encoding, done) => {
      this.hash.update(chunk);
      this.bytes += chunk.length;
      done(null, chunk);
    },
  });

  constructor(files: FileStore, key: string) {
    this.stored = files.put(key, this.stream);
    // A failed write surfaces at close(); until then it must not be an unhandled rejection.
    this.stored.catch(() => undefined);
  }

  /** Writes text, waiting when the store is behind. */
  async write(text: string | Buffer): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Ends the file (unless the writer ended it) and waits until it is stored; returns its size and digest. */
  async close(): Promise<{ size: number; sha256: string }> {
    if (!this.stream.writableEnded) this.stream.end();
    await this.stored;
    return { size: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Abandons the file: the store keeps no partial copy. */
  abort(error: Error): void {
    this.stream.destroy(error);
  }
}
