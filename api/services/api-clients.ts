/**
 * The read API for a higher-level platform (issue 20 §2): administrators create and revoke its
 * credentials (the secret shown once); the platform reads the houses of its client's region page by page
 * along the change feed, each call authenticated by the credential, rate-limited, audited, owner details
 * masked unless the client was granted them.
 */
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import { masked } from '../../domain/buildings/store.ts';
import type { Building } from '../../domain/buildings/store.ts';
import { newCredential, parseToken, secretMatches } from '../../domain/api-clients/credential.ts';
import { START, decodeCursor, encodeCursor } from '../../domain/api-clients/cursor.ts';
import type { ApiClient, ApiClientStore } from '../../domain/api-clients/store.ts';
import { ForbiddenError, InputError, NotFoundError, RateLimitError, RuleError, UnauthenticatedError } from '../../domain/errors.ts';
import { regionScopePrefix } from '../../domain/regions.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';

/** Houses per page: the default and the most a client may ask for. */
export const FEED_PAGE = { default: 200, max: 1000 };
/** Calls per client per minute (per API process). */
export const FEED_RATE_PER_MINUTE = 120;

export interface FeedPage {
  data: Building[];
  /** The cursor of the next page; null when caught up (then poll again later from `cursor`). */
  next: string | null;
  /** Where to resume from: the position after the last house served (the one asked for when none was). */
  cursor: string;
}

const BAD_CREDENTIAL = '接口凭据无效或已吊销';

export class ApiClientService {
  private readonly calls = new Map<string, { minute: number; count: number }>();

  constructor(
    private readonly deps: { clients: ApiClientStore; regions: RegionStore; audit: AuditStore },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(ability: AppAbility, regionCode: string): Promise<ApiClient[]> {
    if (!ability.can('read', 'ApiClient')) throw new ForbiddenError();
    return this.deps.clients.list(regionScopePrefix(regionCode));
  }

  /** A new client and its credential, which is shown this once and never again. */
  async create(
    ability: AppAbility,
    input: { name: string; regionCode: string; personalData: boolean },
    who: AuditContext & { actorId: string },
  ): Promise<{ client: ApiClient; token: string }> {
    if (!ability.can('create', 'ApiClient')) throw new ForbiddenError();
    const region = await this.deps.regions.find(ability, input.regionCode);
    if (!region || !ability.can('create', asSubject('ApiClient', { regionCode: input.regionCode }))) {
      throw RuleError.field('body.regionCode', 'not_in_scope', '行政区划不存在或不在您的管辖范围内');
    }
    const credential = newCredential();
    const client = await this.deps.clients.create({
      id: credential.id,
      name: input.name.trim(),
      regionCode: input.regionCode,
      personalData: input.personalData,
      secretHash: credential.secretHash,
      createdBy: who.actorId,
    });
    await this.deps.audit.record(who, {
      action: 'api_client.create',
      subjectType: 'ApiClient',
      subjectId: client.id,
      regionCode: client.regionCode,
      details: { name: client.name, personalData: client.personalData },
    });
    return { client, token: credential.token };
  }

  async revoke(ability: AppAbility, id: string, who: AuditContext & { actorId: string }): Promise<ApiClient> {
    const client = await this.deps.clients.find(id);
    if (!client || !ability.can('read', asSubject('ApiClient', { regionCode: client.regionCode }))) throw new NotFoundError();
    if (!ability.can('disable', asSubject('ApiClient', { regionCode: client.regionCode }))) throw new ForbiddenError();
    if (await this.deps.clients.revoke(id, who.actorId)) {
      await this.deps.audit.record(who, {
        action: 'api_client.revoke',
        subjectType: 'ApiClient',
        subjectId: id,
        regionCode: client.regionCode,
      });
    }
    return (await this.deps.clients.find(id))!;
  }

  /** The live client an `Authorization: Bearer <id>.<secret>` header names; 401 for anything else. */
  async authenticate(header: string | undefined): Promise<ApiClient> {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    const parsed = token ? parseToken(token) : undefined;
    if (!parsed) throw new UnauthenticatedError('INVALID_CREDENTIAL', '缺少接口凭据（Authorization: Bearer <id>.<secret>）');
    const hash = await this.deps.clients.liveSecretHash(parsed.id);
    if (!hash || !secretMatches(parsed.secret, hash)) throw new UnauthenticatedError('INVALID_CREDENTIAL', BAD_CREDENTIAL);
    const client = await this.deps.clients.find(parsed.id);
    if (!client || client.revokedAt) throw new UnauthenticatedError('INVALID_CREDENTIAL', BAD_CREDENTIAL);
    return client;
  }

  private limit(clientId: string): void {
    const minute = Math.floor(this.clock().getTime() / 60_000);
    const c = this.calls.get(clientId);
    if (!c || c.minute !== minute) {
      this.calls.set(clientId, { minute, count: 1 });
      return;
    }
    c.count += 1;
    if (c.count > FEED_RATE_PER_MINUTE)
      throw new RateLimitError('RATE_LIMITED', `调用过于频繁（每分钟最多 ${String(FEED_RATE_PER_MINUTE)} 次），请稍后再试`);
  }

  /** One page of the client's houses along the change feed, audited. */
  async houses(client: ApiClient, q: { cursor?: string | undefined; limit?: number | undefined }, who: AuditContext): Promise<FeedPage> {
    this.limit(client.id);
    const from = q.cursor === undefined ? START : decodeCursor(q.cursor);
    if (!from) throw InputError.field('query.cursor', 'invalid', '游标无效：请使用上一页返回的 next 或 cursor，或不带游标从头读取');
    const size = q.limit ?? FEED_PAGE.default;
    const rows = await this.deps.clients.changedHouses(regionScopePrefix(client.regionCode), from, size + 1);
    const page = rows.slice(0, size);
    const last = page.at(-1)?.position ?? from;
    const cursor = encodeCursor(last);
    const data = page.map((h) => (client.personalData ? h.building : masked(h.building)));
    const now = this.clock();
    await this.deps.clients.touch(client.id, now);
    await this.deps.audit.record(
      { ...who, actorId: null, actorName: client.name, actorRole: 'api_client' },
      {
        action: 'api_client.read',
        subjectType: 'ApiClient',
        subjectId: client.id,
        regionCode: client.regionCode,
        details: { houses: data.length, personalData: client.personalData, from: q.cursor ?? null },
      },
    );
    return { data, next: rows.length > size ? cursor : null, cursor };
  }
}
