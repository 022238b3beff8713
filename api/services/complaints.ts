/**
 * Complaints (投诉举报): filed by citizens without an account (the web form or Open311), followed with a
 * tracking number and a secret, verified on site through the complaint workflow. Abuse limits count
 * per network address (an IPv6 /64 as one) and per phone, checked and written under one lock; progress
 * lookups are throttled per address and per number; the complainant's identity is shown in full only
 * to the roles that verify, and each full view is audited.
 */
import { createHash, randomInt } from 'node:crypto';
import { asSubject } from '../../domain/abilities.ts';
import type { AppAbility } from '../../domain/abilities.ts';
import type { BuildingStore } from '../../domain/buildings/store.ts';
import type { CaseCategory } from '../../domain/cases/enums.ts';
import { clientHash } from '../../domain/complaints/client.ts';
import { NOTICE } from '../../domain/complaints/notices.ts';
import { toProgress } from '../../domain/complaints/store.ts';
import type { NotificationStore } from '../../domain/notifications/store.ts';
import type { ListParams, ListResult } from '../../domain/paging.ts';
import type {
  Complaint,
  ComplaintFilter,
  ComplaintPhoto,
  ComplaintStore,
  CreatedComplaint,
  Progress,
} from '../../domain/complaints/store.ts';
import { TRACKING_ALPHABET, isTrackingNo } from '../../domain/complaints/tracking.ts';
import type { ComplaintWorkflows } from '../../domain/complaints/workflow-client.ts';
import { verificationNotice } from '../../domain/complaints/verification-notice.ts';
import type { Config } from '../../domain/config.ts';
import { retriedTransaction } from '../../domain/db.ts';
import type { Db } from '../../domain/db.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError, RateLimitError, RuleError } from '../../domain/errors.ts';
import type { AuditContext, AuditStore } from '../../domain/stores/audit.ts';
import type { VerifyArgs } from '../../workflows/complaint/messages.ts';
import { checkedCode } from './buildings.ts';
import type { CaseUser } from './cases.ts';
import type { Upload } from '../http/uploads.ts';
import type { StoredUpload, UploadService } from './uploads.ts';

export interface ComplaintInput {
  buildingCode?: string | undefined;
  position?: { latitude: number; longitude: number } | undefined;
  category: CaseCategory;
  description: string;
  name?: string | undefined;
  phone?: string | undefined;
  fileIds: string[];
  /** Open311's media_url: kept as a link. */
  mediaUrl?: string | undefined;
}

export interface Filed {
  id: string;
  trackingNo: string;
  /** Shown once: with the tracking number it opens the progress page. */
  secret: string;
  progress: Progress;
}

/** A complaint from a map position belongs to the village of the nearest house within this distance. */
export const NEAREST_HOUSE_M = 300;
/** Tries at writing a complaint whose random tracking number was already taken (40 bits a day: a rare event). */
const NUMBER_TRIES = 3;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** 8 characters of the alphabet without look-alikes: the secret, and the random tail of a tracking number. */
function randomCode(): string {
  return Array.from({ length: 8 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
}

const isDuplicateNumber = (error: unknown) =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'complaints_tracking_no_key';

/** A progress lookup refused by the throttle: the route answers 429 with Retry-After. */
export class LookupThrottled extends RateLimitError {
  constructor(readonly retryAfter: number) {
    super('RATE_LIMITED', `查询过于频繁，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`);
  }
}

export class ComplaintService {
  constructor(
    private readonly deps: {
      db: Db;
      config: Config;
      complaints: ComplaintStore;
      buildings: BuildingStore;
      audit: AuditStore;
      workflows: ComplaintWorkflows;
      /** The notification centre: the village's inspectors are told of each complaint to verify. */
      notifications: NotificationStore;
      /** Where the citizens' and the verifiers' photos are stored. */
      uploads: UploadService;
    },
  ) {}

  /** The keyed hash of a sender's network (an IPv6 /64 as one), for limits and rows counted by sender. */
  clientHash(address: string): string {
    return clientHash(this.deps.config.clientHashSecret, address);
  }

  /**
   * Files a complaint for a citizen; `fields` names the request's fields for errors (the web form's or
   * Open311's). `client.requestRef` is the request's Idempotency-Key hash: a retry of a filing
   * that failed after its commit (its key freed by the 5xx) answers the complaint that try wrote, with a
   * new secret (the sender never saw the first), instead of filing it twice.
   */
  async file(
    input: ComplaintInput,
    client: { address: string; channel: 'web' | 'open311'; requestRef?: string | null },
    fields = FORM_FIELDS,
  ): Promise<Filed> {
    const { db, config, complaints } = this.deps;
    if (input.description.trim().length < 5) throw InputError.field(fields.description, 'minLength', '请描述问题（至少 5 个字）');
    const place = await this.place(input, fields);
    const phone = input.phone?.replace(/[\s-]/g, '') || undefined;
    if (phone && !/^1[3-9]\d{9}$/.test(phone)) throw InputError.field(fields.phone, 'format', '请填写 11 位手机号码');
    const hash = this.clientHash(client.address);
    const files = await this.checkFiles(input.fileIds, fields.fileIds);
    const secret = randomCode();
    const days = config.complaintVerifyDays;
    const write = () =>
      // Run again when PostgreSQL breaks a deadlock with another write in the village (retriedTransaction).
      retriedTransaction(db, async (trx) => {
        const refiled = client.requestRef ? await complaints.refiled(client.requestRef, sha256(secret), trx) : undefined;
        if (refiled) return refiled;
        // Counted and written under the sender's (and the phone's) lock: parallel requests queue here, so
        // each one counts the rows the earlier ones committed and no burst passes the limit.
        await this.checkLimits(trx, hash, phone);
        const c = await complaints.create(
          {
            trackingTail: randomCode(),
            secretHash: sha256(secret),
            channel: client.channel,
            buildingCode: place.buildingCode,
            regionCode: place.regionCode,
            position: input.position ?? null,
            category: input.category,
            description: input.description.trim(),
            mediaUrl: input.mediaUrl ?? null,
            contactName: input.name?.trim() || null,
            contactPhone: phone ?? null,
            verifySeconds: days * config.caseDaySeconds,
            clientHash: hash,
            requestRef: client.requestRef ?? null,
          },
          trx,
        );
        await complaints.attachFiles(c.id, files, trx);
        await complaints.appendNotice(c.id, 'received', NOTICE.received(c.trackingNo, days), trx);
        return c;
      });
    let created: CreatedComplaint | undefined;
    for (let attempt = 1; !created; attempt++) {
      try {
        created = await write();
      } catch (error) {
        if (!isDuplicateNumber(error) || attempt >= NUMBER_TRIES) throw error;
      }
    }
    // The row is committed: if this start fails, the sweeper starts the workflow later.
    await this.deps.workflows.start({
      id: created.id,
      regionCode: created.regionCode,
      verifyDueAt: created.verifyDueAt,
      buildingCode: place.buildingCode,
    });
    // The village's inspectors are told once (a key per complaint), before the start is marked: a sweeper
    // that restarts it tells again under the same key, and no one twice.
    await this.deps.notifications.notify(verificationNotice(created));
    await complaints.markStarted(created.id);
    const complaint = (await complaints.find(null, created.id)) as Complaint & { caseClosedAt: string | null };
    return { id: created.id, trackingNo: created.trackingNo, secret, progress: toProgress(complaint) };
  }

  /**
   * The progress page: the same answer for an unknown number and a wrong secret. Throttled per sender
   * (every lookup counts) and per number, from any sender (only wrong secrets count: a right one is
   * refunded, so the complainant's own lookups never close their number; guesses do, which is the point).
   */
  async progress(trackingNo: string, secret: string, address: string): Promise<Progress> {
    const { config, complaints } = this.deps;
    const bySender = await complaints.hitLookup(`addr:${this.clientHash(address)}`, config.progressLookupsPerAddress);
    if (!bySender.allowed) throw new LookupThrottled(bySender.retryAfter);
    const number = trackingNo.trim().toUpperCase();
    if (!isTrackingNo(number)) throw new NotFoundError('投诉编号或查询码不正确', 'COMPLAINT_NOT_FOUND');
    const byNumber = await complaints.hitLookup(`no:${number}`, config.progressLookupsPerNumber);
    if (!byNumber.allowed) throw new LookupThrottled(byNumber.retryAfter);
    const found = await complaints.byTrackingNo(number);
    if (!found || found.secretHash !== sha256(secret.trim().toUpperCase()))
      throw new NotFoundError('投诉编号或查询码不正确', 'COMPLAINT_NOT_FOUND');
    await complaints.refundLookup(`no:${number}`);
    return toProgress(found);
  }

  /** A page of the complaints `ability` may read, complainant masked. */
  list(ability: AppAbility, params: ListParams & ComplaintFilter): Promise<ListResult<Complaint>> {
    return this.deps.complaints.list(ability, params);
  }

  async get(ability: AppAbility, id: string): Promise<Complaint> {
    const found = await this.deps.complaints.find(ability, id);
    if (!found) throw new NotFoundError('投诉不存在或无权查看');
    return found;
  }

  /** The complainant's name and phone in full: only for the roles that verify, and recorded in the audit log. */
  async contact(ability: AppAbility, id: string, ctx: AuditContext) {
    const c = await this.get(ability, id);
    if (!ability.can('readPersonal', asSubject('Complaint', c))) throw new ForbiddenError('您的角色无权查看投诉人信息');
    await this.deps.audit.record(ctx, {
      action: 'complaint.contact_viewed',
      subjectType: 'Complaint',
      subjectId: id,
      regionCode: c.regionCode,
    });
    return this.deps.complaints.fullContact(id);
  }

  /** A complaint this user may verify now (for the verifier's photo uploads): 403 for the wrong role, 409 once verified. */
  async verifiable(ability: AppAbility, id: string): Promise<Complaint> {
    const c = await this.get(ability, id);
    if (!ability.can('update', asSubject('Complaint', c))) throw new ForbiddenError('您的角色无权核实投诉');
    if (c.status !== 'verifying') throw new ConflictError('COMPLAINT_VERIFIED', '该投诉已核实');
    return c;
  }

  async verify(
    ability: AppAbility,
    user: CaseUser,
    id: string,
    input: Omit<VerifyArgs, 'actor'>,
    key: string | undefined,
    ctx: AuditContext,
  ): Promise<Complaint> {
    const c = await this.get(ability, id);
    if (!ability.can('update', asSubject('Complaint', c))) throw new ForbiddenError('您的角色无权核实投诉');
    const args: VerifyArgs = { ...input, actor: { id: user.id, name: user.name, role: user.role, regionCode: user.regionCode } };
    if (input.result === 'confirmed' && !c.buildingCode) {
      if (!input.buildingCode) throw RuleError.field('body.buildingCode', 'required', '请填写现场核实的房屋编码', 'BUILDING_REQUIRED');
      const code = checkedCode(input.buildingCode, 'body.buildingCode');
      const house = await this.deps.buildings.find(ability, code);
      if (!house || !house.villageCode?.startsWith(c.regionCode.slice(0, 9)))
        throw RuleError.field('body.buildingCode', 'unknown', `房屋 ${code} 不存在或不在投诉所在镇（街道）`, 'UNKNOWN_BUILDING');
      args.buildingCode = code;
    } else delete args.buildingCode;
    await this.checkVerificationFiles(user, id, input.fileIds ?? []);
    await this.deps.workflows.verify(id, args, key ? `${user.id}:${key}` : undefined);
    const verified = await this.get(ability, id);
    // The verdict and where it led; the reply and note may name people, so they stay on the complaint.
    await this.deps.audit.record(ctx, {
      action: 'complaint.verify',
      subjectType: 'Complaint',
      subjectId: id,
      regionCode: c.regionCode,
      details: { trackingNo: c.trackingNo, result: input.result, caseId: verified.caseId ?? null },
    });
    return verified;
  }

  private async place(input: ComplaintInput, fields: FieldNames): Promise<{ buildingCode: string | null; regionCode: string }> {
    if (input.buildingCode) {
      const code = checkedCode(input.buildingCode, fields.buildingCode);
      const house = await this.deps.buildings.find(null, code);
      if (!house) throw RuleError.field(fields.buildingCode, 'unknown', `房屋 ${code} 不存在，请核对二维码`, 'UNKNOWN_BUILDING');
      return { buildingCode: code, regionCode: house.villageCode as string };
    }
    if (!input.position) throw InputError.field(fields.position, 'required', '请扫描房屋二维码，或在地图上选择位置');
    const [nearest] = await this.deps.buildings.near(input.position, NEAREST_HOUSE_M, 1);
    if (!nearest)
      throw RuleError.field(fields.position, 'outside', '该位置附近没有登记的房屋，请扫描房屋二维码或重新选择位置', 'OUTSIDE_DISTRICT');
    return { buildingCode: null, regionCode: nearest.villageCode };
  }

  /** Takes the sender's and the phone's locks (always in that order) and counts under them. */
  private async checkLimits(trx: Db, hash: string, phone: string | undefined): Promise<void> {
    const { config, complaints } = this.deps;
    await complaints.lockSenders(phone ? [`complaint-client:${hash}`, `complaint-phone:${phone}`] : [`complaint-client:${hash}`], trx);
    if ((await complaints.sentInLastHour('complaints', hash, trx)) >= config.complaintsPerHour)
      throw new RateLimitError('RATE_LIMITED', '提交过于频繁，请一小时后再试');
    if (!phone) return;
    if ((await complaints.filedByPhoneToday(phone, trx)) >= config.complaintsPerPhone)
      throw new RateLimitError('RATE_LIMITED', '该手机号今日提交的投诉已达上限，请明天再试');
  }

  /**
   * Refuses a citizen's photo past the hourly limit of its sender: a first look before the upload is
   * read (no lock), the count that decides taken again by `storePhoto` under the lock.
   */
  async checkPhotoLimit(address: string, tx?: Db): Promise<void> {
    if ((await this.deps.complaints.sentInLastHour('photos', this.clientHash(address), tx)) >= this.deps.config.complaintPhotosPerHour)
      throw new RateLimitError('RATE_LIMITED', '上传过于频繁，请一小时后再试');
  }

  /**
   * Stores a citizen's photo, not yet part of a complaint, in a transaction under the sender's lock,
   * after the count that decides.
   */
  async storePhoto(address: string, upload: Upload): Promise<StoredUpload> {
    const hash = this.clientHash(address);
    return this.deps.db.transaction(async (trx) => {
      // Parallel uploads from one sender queue here, so a burst cannot pass the limit.
      await this.deps.complaints.lockSenders([`complaint-photos:${hash}`], trx);
      await this.checkPhotoLimit(address, trx);
      return this.deps.uploads.store(upload, { table: 'complaint_files', folder: 'complaints', row: { client_hash: hash } }, trx);
    });
  }

  /** Stores a verifier's on-site photo of a complaint `verifiable` returned, until their verification names it. */
  storeVerificationPhoto(complaint: Complaint, uploadedBy: string, upload: Upload): Promise<StoredUpload> {
    return this.deps.uploads.store(upload, {
      table: 'complaint_verification_files',
      folder: `complaints/${complaint.id}/verification`,
      row: { complaint_id: complaint.id, uploaded_by: uploadedBy },
    });
  }

  /** A complaint's photo (the citizen's, or the verifier's once the verification is recorded) to a user who may read the complaint; else 404. */
  async photo(ability: AppAbility, kind: 'citizen' | 'verification', id: string): Promise<ComplaintPhoto> {
    const file = await this.deps.complaints.photo(kind, id);
    if (!file || !ability.can('read', asSubject('Complaint', { regionCode: file.regionCode })))
      throw new NotFoundError('照片不存在或无权查看');
    return file;
  }

  /** The verifier's photos: their own uploads for this complaint, not yet part of a verification. */
  private async checkVerificationFiles(user: CaseUser, complaintId: string, ids: string[]): Promise<void> {
    const known = new Set(await this.deps.complaints.verificationDrafts(complaintId, user.id, ids));
    ids.forEach((id, i) => {
      if (!known.has(id))
        throw RuleError.field(`body.fileIds.${i}`, 'unknownFile', '照片不存在或不属于本次核实，请重新上传', 'UNKNOWN_FILE');
    });
  }

  /** Photos uploaded for a complaint in the last day and not yet attached to one. */
  private async checkFiles(ids: string[], field: string): Promise<string[]> {
    const known = new Set(await this.deps.complaints.freshUploads(ids));
    ids.forEach((id, i) => {
      if (!known.has(id)) throw RuleError.field(`${field}.${i}`, 'unknownFile', '照片不存在或已过期，请重新上传', 'UNKNOWN_FILE');
    });
    return [...known];
  }
}

export interface FieldNames {
  description: string;
  buildingCode: string;
  position: string;
  phone: string;
  fileIds: string;
}
export const FORM_FIELDS: FieldNames = {
  description: 'body.description',
  buildingCode: 'body.buildingCode',
  position: 'body.position',
  phone: 'body.phone',
  fileIds: 'body.fileIds',
};
