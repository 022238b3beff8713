/** Every workflow the worker runs; bundled by the worker, so only deterministic code goes here. */
export { housekeepingWorkflow } from './housekeeping/workflow.ts';
export { labelBatchWorkflow } from './label-batch/workflow.ts';
export { buildingImportWorkflow } from './building-import/workflow.ts';
export { hazardCaseWorkflow } from './hazard-case/workflow.ts';
export { sweepWorkflow } from './sweep/workflow.ts';
export { complaintWorkflow } from './complaint/workflow.ts';
export { campaignWorkflow } from './campaign/workflow.ts';
export { auditAnchorWorkflow } from './audit-anchor/workflow.ts';
export { riskSweepWorkflow } from './risk-sweep/workflow.ts';
export { statisticsCompactionWorkflow } from './statistics-compaction/workflow.ts';
export { smsDeliveryWorkflow } from './sms/workflow.ts';
export { warningWorkflow } from './warning/workflow.ts';
export { warningRuleWorkflow } from './warning-rule/workflow.ts';
export { inspectionScheduleWorkflow } from './inspection-schedule/workflow.ts';
export { bulletinWorkflow, monthlyBulletinsWorkflow } from './bulletin/workflow.ts';
export { dataReportWorkflow } from './data-report/workflow.ts';
