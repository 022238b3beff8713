/**
 * The national five-group layouts by version. A report records the version it was written in; an
 * import recognises a file of any version by its headers.
 */
import type { LayoutColumn, LayoutDefinition } from './types.ts';
import { NATIONAL_LAYOUT_V1 } from './v1/layout.ts';

export type { LayoutColumn, LayoutDefinition, LayoutKind } from './types.ts';

/** Every version, oldest first. */
export const NATIONAL_LAYOUTS: readonly LayoutDefinition[] = [NATIONAL_LAYOUT_V1];

/** The version new reports are written in. */
export const CURRENT_NATIONAL_LAYOUT: LayoutDefinition = NATIONAL_LAYOUT_V1;

/** The layout of a version, if there is one. */
export function nationalLayout(version: number): LayoutDefinition | undefined {
  return NATIONAL_LAYOUTS.find((l) => l.version === version);
}

/** The header a column is written under: its group in 【】, then its name. */
export function layoutHeader(column: Pick<LayoutColumn, 'group' | 'name'>): string {
  return `【${column.group}】${column.name}`;
}
