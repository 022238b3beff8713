/**
 * Upward reports (数据上报, a use case of the API): making one (check the region and the caller's
 * scope, write the report row, audited, start its workflow), and reading reports and their files for a
 * reader who may see them. Every file download is audited: the files hold owners' names and phones.
 */
import type { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import { CURRENT_NATIONAL_LAYOUT } from '../../definitions/national-layout/index.ts';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { Db } from '../../domain/db.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, UnavailableError } from '../../domain/errors.ts';
import type { FileStore } from '../../domain/files.ts';
import type { ListResult } from '../../domain/paging.ts';
import type { DataReport, DataReportFile, DataReportKind, DataReportListParams, DataReportStore } from '../../domain/reports/store.ts';
import { MANIFEST_TYPE } from '../../domain/reports/build.ts';
import { startDataReportWorkflow } from '../../domain/reports/workflow-client.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { RegionStore } from '../../domain/stores/regions.ts';

export interface DataReportServiceDeps {
  db: Db;
  reports: DataReportStore;
  regions: RegionStore;
  audit: AuditStore;
  files: FileStore;
  temporal: Client;
  taskQueue: string;
}

export class DataReportService {
  constructor(private readonly deps: DataReportServiceDeps) {}

  /**
   * Records a report of a region and starts writing it. A change report counts from the region's newest
   * finished report (422 naming `kind` when there is none); a full report is compared with it too, so
   * its counts say what changed.
   */
  async create(ability: AppAbility, who: AuditContext, request: { regionCode: string; kind: DataReportKind }): Promise<DataReport> {
    const { regionCode, kind } = request;
    if (!(await this.deps.regions.find(ability, regionCode))) {
      throw RuleError.field('body.regionCode', 'unknownRegion', `行政区划 ${regionCode} 不存在或不在您的管辖范围内`, 'UNKNOWN_REGION');
    }
    if (!ability.can('create', asSubject('DataReport', { regionCode }))) throw new ForbiddenError('无权为该区域生成数据上报');
    const base = await this.deps.reports.latestDone(regionCode);
    if (kind === 'changes' && !base) {
      throw RuleError.field('body.kind', 'noBaseReport', '该区域还没有已完成的上报，请先生成一次全量上报', 'NO_BASE_REPORT');
    }
    const id = await this.deps.db.transaction(async (trx) => {
      const reportId = await this.deps.reports.create(
        {
          regionCode,
          kind,
          baseReportId: base?.id ?? null,
          layoutVersion: CURRENT_NATIONAL_LAYOUT.version,
          createdBy: who.actorId,
          createdByName: who.actorName,
        },
        trx,
      );
      await this.deps.audit.record(
        who,
        {
          action: 'dataReport.create',
          subjectType: 'DataReport',
          subjectId: reportId,
          regionCode,
          details: { kind, baseReportId: base?.id ?? null, layoutVersion: CURRENT_NATIONAL_LAYOUT.version },
        },
        trx,
      );
      return reportId;
    });
    try {
      await startDataReportWorkflow(this.deps, id);
    } catch (error) {
      await this.deps.reports.fail(id, '上报任务未能启动（工作流服务不可用），请重新提交');
      throw new UnavailableError('TEMPORAL_UNAVAILABLE', '工作流服务暂不可用，上报任务未能启动，请稍后重试', [
        { field: 'temporal', reason: 'unavailable', message: (error as Error).message },
      ]);
    }
    return this.get(ability, id);
  }

  list(ability: AppAbility, params: DataReportListParams): Promise<ListResult<DataReport>> {
    return this.deps.reports.list(ability, params);
  }

  /** One report the reader may see (404 otherwise). */
  async get(ability: AppAbility, id: string): Promise<DataReport> {
    const report = await this.deps.reports.find(ability, id);
    if (!report) throw new NotFoundError('上报记录不存在或无权查看');
    return report;
  }

  /** One file of a finished report, audited; 409 while the report is being written. */
  async file(ability: AppAbility, who: AuditContext, id: string, name: string): Promise<{ file: DataReportFile; body: Readable }> {
    const report = await this.get(ability, id);
    if (report.status !== 'done' || !report.files) {
      throw new ConflictError(
        'DATA_REPORT_NOT_READY',
        report.status === 'failed' ? `该上报生成失败：${report.error ?? ''}` : '上报文件尚未生成完毕，请稍后再下载',
      );
    }
    const file = report.files.find((f) => f.name === name);
    if (!file) throw new NotFoundError(`上报记录中没有文件 ${name}`);
    // The data files hold owners' names and phones: only roles that may see them in full get them (an
    // auditor reads the record and its manifest, with every file's hash, but not the owners).
    const personal = file.contentType !== MANIFEST_TYPE;
    if (personal && !ability.can('readPersonal', asSubject('Building', { villageCode: report.regionCode }))) {
      throw new ForbiddenError('上报文件含户主姓名和电话，您无权下载；可下载清单（manifest.json）核对文件摘要');
    }
    await this.deps.audit.record(who, {
      action: 'dataReport.download',
      subjectType: 'DataReport',
      subjectId: report.id,
      regionCode: report.regionCode,
      details: { file: file.name, sha256: file.sha256 },
    });
    return { file, body: this.deps.files.read(file.key) };
  }
}
