/** Whether the database answers, for the readiness probe. `DatabaseHealthStore` holds the SQL. */
export interface HealthStore {
  /** Resolves when the database answered a trivial query; rejects with its error otherwise. */
  ping(): Promise<void>;
}
