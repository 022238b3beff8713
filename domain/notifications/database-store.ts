/** The notification centre in SQL: `notifications`, recipients resolved from `users` in the same statement. */
import type { Db } from '../db.ts';
import type { ListParams, ListResult } from '../paging.ts';
import type { NotificationRecord, NotificationStore, NotifyRequest } from './store.ts';

type Row = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toRecord(r: Row): NotificationRecord {
  return {
    id: r.id as string,
    kind: r.kind as string,
    title: r.title as string,
    body: r.body as string,
    link: (r.link as string | null) ?? null,
    createdAt: r.created_at as Date,
    readAt: (r.read_at as Date | null) ?? null,
  };
}

export class DatabaseNotificationStore implements NotificationStore {
  constructor(private readonly db: Db) {}

  async notify(request: NotifyRequest, tx: Db = this.db): Promise<number> {
    const { userIds = [], roles = [], regionCode } = request.recipients;
    const ids = userIds.filter((id) => UUID.test(id));
    if (ids.length === 0 && roles.length === 0) return 0;
    // One statement: recipients resolved and rows written together, a user who has the key skipped.
    const result = await tx.raw(
      `INSERT INTO notifications (user_id, kind, key, title, body, link)
       SELECT u.id, :kind, :key, :title, :body, :link
         FROM users u
        WHERE NOT u.disabled
          AND (u.id = ANY(:ids::uuid[])
               OR (u.role = ANY(:roles::text[]) AND (:region::text IS NULL OR :region::text LIKE u.region_code || '%')))
       ON CONFLICT ON CONSTRAINT notifications_user_key_key DO NOTHING`,
      {
        kind: request.kind,
        key: request.key,
        title: request.title,
        body: request.body,
        link: request.link,
        ids,
        roles,
        region: regionCode ?? null,
      },
    );
    return (result as { rowCount: number }).rowCount;
  }

  async list(userId: string, params: Pick<ListParams, 'page' | 'perPage'>, unreadOnly = false): Promise<ListResult<NotificationRecord>> {
    const query = this.db('notifications').where({ user_id: userId });
    if (unreadOnly) query.whereNull('read_at');
    const [count, rows] = (await Promise.all([
      query.clone().count({ n: '*' }).first(),
      query
        .clone()
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(params.perPage)
        .offset((params.page - 1) * params.perPage),
    ])) as [{ n: string | number } | undefined, Row[]];
    return { data: rows.map(toRecord), total: Number(count?.n ?? 0) };
  }

  async unreadCount(userId: string): Promise<number> {
    const row = (await this.db('notifications').where({ user_id: userId }).whereNull('read_at').count({ n: '*' }).first()) as
      { n: string | number } | undefined;
    return Number(row?.n ?? 0);
  }

  async markRead(userId: string, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows = (await this.db('notifications')
      .where({ id, user_id: userId })
      .update({ read_at: this.db.raw('coalesce(read_at, now())') })
      .returning('id')) as Row[];
    return rows.length > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    return this.db('notifications').where({ user_id: userId }).whereNull('read_at').update({ read_at: this.db.fn.now() });
  }
}
