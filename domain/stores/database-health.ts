/** `HealthStore` on PostgreSQL: one trivial query on a pooled connection. */
import type { Db } from '../db.ts';
import type { HealthStore } from './health.ts';

export class DatabaseHealthStore implements HealthStore {
  constructor(private readonly db: Db) {}

  async ping(): Promise<void> {
    await this.db.raw('SELECT 1');
  }
}
