/**
 * Building values in words, the same way everywhere (house file, list, change history): enum codes
 * as their labels, booleans as 是/否, approvals as a readable list, empty as a dash.
 */
import { useCallback, useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { enumLabelKey, isEnumField } from './choices.ts';

interface ApprovalValue {
  type?: string;
  number?: string;
  date?: string | null;
  issuer?: string | null;
  fileId?: string | null;
}

const isApproval = (value: unknown): value is ApprovalValue => typeof value === 'object' && value !== null;

export interface BuildingFormat {
  /** A field's label. */
  label(field: string): string;
  /** A field's value; `empty` is what to write for no value (a dash by default). */
  value(field: string, value: unknown, empty?: string): string;
}

export function useBuildingFormat(): BuildingFormat {
  const translate = useTranslate();
  const label = useCallback((field: string) => translate(`resources.buildings.fields.${field}`, { _: field }), [translate]);
  const value = useCallback(
    (field: string, v: unknown, empty = '—'): string => {
      if (v === null || v === undefined || v === '') return empty;
      if (typeof v === 'boolean') return translate(v ? 'resources.buildings.values.yes' : 'resources.buildings.values.no');
      if (isEnumField(field) && typeof v === 'string') return translate(enumLabelKey(field, v), { _: v });
      if (field === 'approvals' && Array.isArray(v)) {
        if (v.length === 0) return empty;
        return v
          .filter(isApproval)
          .map((a) => {
            const type = a.type ? translate(enumLabelKey('approvalType', a.type), { _: a.type }) : '';
            const scan = a.fileId ? `（${translate('resources.buildings.approval.scanAttached')}）` : '';
            return [type, a.number, a.issuer, a.date].filter(Boolean).join(' ') + scan;
          })
          .join('；');
      }
      if (field === 'floorArea' && typeof v === 'number') return `${v} m²`;
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
    },
    [translate],
  );
  return useMemo(() => ({ label, value }), [label, value]);
}
