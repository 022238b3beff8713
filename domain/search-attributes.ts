/**
 * Temporal search attributes of the platform, declared once: the dev server registers them at start,
 * tests register them in their own server, workflows set them. No personal data goes into them.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SA_REGION_CODE = defineSearchAttributeKey('RegionCode', SearchAttributeType.KEYWORD);
export const SA_CASE_TYPE = defineSearchAttributeKey('CaseType', SearchAttributeType.KEYWORD);
export const SA_CASE_STATUS = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const SA_SEVERITY = defineSearchAttributeKey('Severity', SearchAttributeType.KEYWORD);
export const SA_BUILDING_CODE = defineSearchAttributeKey('BuildingCode', SearchAttributeType.KEYWORD);
export const SA_DUE_AT = defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME);

export const SEARCH_ATTRIBUTES = [SA_REGION_CODE, SA_CASE_TYPE, SA_CASE_STATUS, SA_SEVERITY, SA_BUILDING_CODE, SA_DUE_AT];

const CLI_TYPE_NAMES: Record<string, string> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/** `--search-attribute Name=Type` arguments for `temporal server start-dev`. */
export function searchAttributeCliArgs(): string[] {
  return SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${CLI_TYPE_NAMES[k.type]}`]);
}
