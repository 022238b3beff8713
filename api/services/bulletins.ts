/**
 * Monthly bulletins (通报, issue 20 §4), the API's use cases: asking for a region's bulletin of a month
 * (recorded once per region and month, audited, then made by its workflow), listing those the reader
 * may see, and their figures and files. Scope is the statistics' scope: a bulletin of a region is read
 * by whoever may read that region's cockpit (the `Bulletin` rules in domain/abilities.ts).
 */
import type { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Bulletin, BulletinListParams, BulletinStore } from '../../domain/bulletins/store.ts';
import { startBulletinWorkflow } from '../../domain/bulletins/workflow-client.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, UnavailableError } from '../../domain/errors.ts';
import type { FileStore } from '../../domain/files.ts';
import type { ListResult } from '../../domain/paging.ts';
import { regionLevel } from '../../domain/regions.ts';
import { beijingDay } from '../../domain/statistics/period.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';

export interface BulletinServiceDeps {
  bulletins: BulletinStore;
  regions: RegionStore;
  audit: AuditStore;
  files: FileStore;
  temporal: Client;
  taskQueue: string;
}

const NOT_FOUND = '通报不存在或无权查看';

export class BulletinService {
  constructor(
    private readonly deps: BulletinServiceDeps,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The bulletin of a district or town for a month up to the current one: recorded if new and made by
   * its workflow. Asking again returns the same bulletin (made again only when it failed, or when its
   * workflow never started).
   */
  async request(ability: AppAbility, who: AuditContext, input: { regionCode: string; month: string }): Promise<Bulletin> {
    const { regionCode, month } = input;
    if (month > beijingDay(this.clock()).slice(0, 7)) {
      throw RuleError.field('body.month', 'future', '不能为尚未开始的月份生成通报', 'BULLETIN_MONTH_FUTURE');
    }
    if (!(await this.deps.regions.find(ability, regionCode))) {
      throw RuleError.field('body.regionCode', 'unknownRegion', `行政区划 ${regionCode} 不存在或不在您的管辖范围内`, 'UNKNOWN_REGION');
    }
    if (!['district', 'town'].includes(regionLevel(regionCode))) {
      throw RuleError.field('body.regionCode', 'level', '通报按区或镇（街道）生成', 'BULLETIN_REGION_LEVEL');
    }
    if (!ability.can('create', asSubject('Bulletin', { regionCode }))) throw new ForbiddenError('无权为该区域生成通报');
    const { id, created } = await this.deps.bulletins.ensure(regionCode, month, who.actorId);
    let bulletin = (await this.deps.bulletins.find(null, id))!;
    if (created || bulletin.status === 'failed' || bulletin.status === 'queued') {
      await this.deps.audit.record(who, {
        action: 'bulletin.request',
        subjectType: 'Bulletin',
        subjectId: id,
        regionCode,
        details: { month, again: !created },
      });
      await this.deps.bulletins.requeue(id);
      try {
        await startBulletinWorkflow(this.deps, id);
      } catch (error) {
        await this.deps.bulletins.fail(id, '通报生成未能启动（工作流服务不可用），请重新提交');
        throw new UnavailableError('TEMPORAL_UNAVAILABLE', '工作流服务暂不可用，通报未能开始生成，请稍后重试', [
          { field: 'temporal', reason: 'unavailable', message: (error as Error).message },
        ]);
      }
      bulletin = (await this.deps.bulletins.find(null, id))!;
    }
    return bulletin;
  }

  list(ability: AppAbility, params: BulletinListParams): Promise<ListResult<Bulletin>> {
    return this.deps.bulletins.list(ability, params);
  }

  private async found(ability: AppAbility, id: string): Promise<Bulletin> {
    const bulletin = await this.deps.bulletins.find(ability, id);
    if (!bulletin) throw new NotFoundError(NOT_FOUND);
    return bulletin;
  }

  /** One bulletin the reader may see, with the figures it shows once done. */
  async get(ability: AppAbility, id: string): Promise<{ bulletin: Bulletin; figures: unknown }> {
    const bulletin = await this.found(ability, id);
    return { bulletin, figures: bulletin.status === 'done' ? await this.deps.bulletins.figures(id) : null };
  }

  /** The PDF or workbook of a finished bulletin; 409 while it is being made. */
  async file(ability: AppAbility, id: string, kind: 'pdf' | 'xlsx'): Promise<{ bulletin: Bulletin; body: Readable }> {
    const bulletin = await this.found(ability, id);
    const key = kind === 'pdf' ? bulletin.pdfKey : bulletin.xlsxKey;
    if (bulletin.status !== 'done' || !key) throw new ConflictError('BULLETIN_NOT_READY', '通报尚未生成完毕，请稍后再下载');
    return { bulletin, body: this.deps.files.read(key) };
  }
}
