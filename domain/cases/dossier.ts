/**
 * The case dossier (案卷) for auditors: an A4 PDF with the case, the house, the full timeline of the
 * trail with each event's hash, the evidence (how the case was found, then the files of its steps) with
 * their SHA-256, and the chain's verification at the moment of export. Owner data stays masked and the
 * complainant's identity is absent; the fonts are the labels' embedded Noto Sans subset.
 */
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { labelFont } from '../labels/fonts.ts';
import type { ChainVerdict } from './chain.ts';
import type { Discovery } from './discovery.ts';
import { actorText, beijing, deadlineText, discoveryFacts, discoveryTitle, sourceText } from './dossier-parts.ts';
import { fieldText } from './form-details.ts';
import type { FormDetail } from './form-details.ts';
import type { CaseRecord } from './store.ts';
import { CASE_CATEGORY, CASE_SEVERITY, CASE_STATUS } from './enums.ts';
import { houseAddress } from './place.ts';

export interface DossierData {
  /** The case as the case page reads it (the responsible party masked). */
  case: Pick<
    CaseRecord,
    | 'number'
    | 'status'
    | 'severity'
    | 'category'
    | 'description'
    | 'buildingCode'
    | 'address'
    | 'villageName'
    | 'townName'
    | 'createdAt'
    | 'closedAt'
    | 'source'
    | 'sourceRef'
    | 'responsible'
    | 'measures'
    | 'deadlineInForce'
    | 'appraisalGrade'
    | 'demolished'
    | 'cancelReason'
    | 'definitionVersion'
  >;
  events: {
    seq: number;
    occurredAt: string;
    actorName: string | null;
    actorUsername: string | null;
    actorRole: string | null;
    summary: string;
    /** What a completed step's form recorded (`formDetails`). */
    details: FormDetail[];
    hash: string;
  }[];
  /** How the case was found, with its evidence (`discovery.ts`). */
  discoveries: Discovery[];
  files: { name: string; mime: string; size: number; sha256: string; step: string | null; uploadedAt: string }[];
  chain: ChainVerdict;
  exportedBy: string;
  exportedAt: Date;
}

const INK = '#1f2933';
const MUTED = '#52606d';
const label = <T extends Record<string, string>>(labels: T, key: string) => (labels as Record<string, string>)[key] ?? key;

export async function writeDossier(data: DossierData, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: `案卷 ${data.case.number}`, Creator: '一栋一码', Producer: '一栋一码' },
  });
  const done = finished(out);
  doc.pipe(out);
  doc.registerFont('regular', labelFont('regular'));
  doc.registerFont('bold', labelFont('bold'));
  const width = doc.page.width - 112;
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).fillColor(INK).text(text).moveDown(0.3);
  const field = (name: string, value: string) =>
    doc.font('bold').fontSize(10).fillColor(MUTED).text(`${name}：`, { continued: true }).font('regular').fillColor(INK).text(value);

  const c = data.case;
  doc.font('bold').fontSize(18).fillColor(INK).text('自建房安全隐患案件案卷', { align: 'center' });
  doc.font('regular').fontSize(10).fillColor(MUTED).text(`案件编号 ${c.number}`, { align: 'center' }).moveDown(0.6);

  heading('一、案件概况');
  field('状态', label(CASE_STATUS.labels, c.status));
  field('隐患等级', label(CASE_SEVERITY.labels, c.severity));
  field('隐患类型', label(CASE_CATEGORY.labels, c.category));
  field('隐患描述', c.description);
  field(
    '来源',
    sourceText(
      c.source,
      data.discoveries.find((d) => d.origin),
    ),
  );
  field('登记时间', beijing(c.createdAt));
  // What the case page's facts show: set at assignment, and what closed it.
  field('整改责任人', fieldText('responsibleParty', c.responsible) ?? '—');
  field('整治措施', fieldText('measures', c.measures) ?? '—');
  field('整改期限', deadlineText(c));
  field('鉴定等级', fieldText('appraisalGrade', c.appraisalGrade) ?? '—');
  if (c.demolished) field('已拆除', '是');
  if (c.cancelReason) field('撤销原因', c.cancelReason);
  if (c.closedAt) field('办结时间', beijing(c.closedAt));
  heading('二、房屋');
  field('房屋编码', c.buildingCode);
  field('地址', houseAddress(c.townName, c.villageName, c.address));

  heading('三、办理记录（北京时间）');
  for (const e of data.events) {
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(INK)
      .text(`${e.seq}. ${beijing(e.occurredAt)}  ${actorText(e.actorName, e.actorUsername, e.actorRole)}`);
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(INK)
      .text(e.summary, { indent: 14, width: width - 14 });
    for (const d of e.details)
      doc
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(`${d.label}：${d.value}`, { indent: 14, width: width - 14 });
    doc.fontSize(7).fillColor(MUTED).text(`哈希 ${e.hash}`, { indent: 14 }).moveDown(0.25);
  }

  heading('四、证据材料');
  const fileLine = (n: number, f: { name: string; mime: string; size: number; uploadedAt: string; sha256: string }, indent = 0) => {
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(INK)
      .text(`${n}. ${f.name}（${f.mime}，${(f.size / 1024).toFixed(1)} KB，${beijing(f.uploadedAt)}）`, { indent });
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(`SHA-256 ${f.sha256}`, { indent: indent + 14 })
      .moveDown(0.2);
  };
  doc.font('bold').fontSize(10.5).fillColor(INK).text('（一）发现证据').moveDown(0.2);
  if (data.discoveries.length === 0) doc.font('regular').fontSize(9.5).fillColor(MUTED).text('人工登记，无排查或投诉记录');
  data.discoveries.forEach((d, i) => {
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(INK)
      .text(`${i + 1}. ${discoveryTitle(d)}${d.origin ? '' : '（并入本案）'}`);
    for (const f of discoveryFacts(d))
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(INK)
        .text(`${f.label}：${f.value}`, { indent: 14, width: width - 14 });
    if (d.files.length === 0) doc.fontSize(9).fillColor(MUTED).text('照片：无', { indent: 14 });
    d.files.forEach((f, j) => fileLine(j + 1, f, 14));
    doc.moveDown(0.3);
  });
  doc.font('bold').fontSize(10.5).fillColor(INK).text('（二）办理材料').moveDown(0.2);
  if (data.files.length === 0) doc.font('regular').fontSize(9.5).fillColor(MUTED).text('无');
  data.files.forEach((f, i) => fileLine(i + 1, f));

  heading('五、记录链校验');
  const chain = data.chain;
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(chain.ok ? '#1e7b34' : '#b42318')
    .text(
      chain.ok
        ? `校验通过：共 ${chain.events} 条记录，哈希链完整`
        : `校验失败：第 ${chain.brokenAt?.seq} 条记录起哈希链断裂（${chain.brokenAt?.reason}）`,
    );
  doc.font('regular').fontSize(7.5).fillColor(MUTED).text(`末条哈希 ${chain.lastHash}`);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Written in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        `导出人 ${data.exportedBy} · 导出时间 ${beijing(data.exportedAt)} · 第 ${i + 1} / ${range.count} 页`,
        56,
        doc.page.height - 40,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
  }
  doc.end();
  await done;
}
