/**
 * The map's version in memory: the tiles' cache is checked on every request, so asking the database
 * each time would cost a round trip per tile. Every write a tile shows notifies `map_version` (migration
 * 0029; PostgreSQL delivers a notification after its transaction commits, never before), and one
 * listening connection per process counts them. Until it listens (start-up, or after it lost the
 * connection) the version is read from the `map_version` sequence instead, under another prefix, so
 * nothing cached while it was not listening is trusted after.
 */
import pg from 'pg';

const RETRY_MS = 1000;

export class MapVersionWatch {
  private client: pg.Client | undefined;
  private listening = false;
  private starting = false;
  private closed = false;
  private epoch = 0;
  private count = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    /** The version when not listening (one query). */
    private readonly fallback: () => Promise<string>,
  ) {}

  async version(): Promise<string> {
    if (this.listening) return `n${this.epoch}.${this.count}`;
    this.start();
    return `q${await this.fallback()}`;
  }

  private start(): void {
    if (this.starting || this.closed) return;
    this.starting = true;
    const client = new pg.Client({ connectionString: this.connectionString });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      this.starting = false;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => this.start(), RETRY_MS).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => {
      this.count++;
    });
    client
      .connect()
      .then(() => client.query('LISTEN map_version'))
      .then(() => {
        if (this.client !== client) return;
        this.epoch++;
        this.count = 0;
        this.listening = true;
      })
      .catch(lost);
  }

  /** Stops listening (the process is closing). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    this.listening = false;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
