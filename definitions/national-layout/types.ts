/** The shape of a national-layout definition (definitions/national-layout/v<n>/layout.ts). */

/** How a column's cells are written and read (as the import template's kinds). */
export type LayoutKind = 'code' | 'text' | 'int' | 'number' | 'bool' | 'enum' | 'date';

/** One column of the layout. */
export interface LayoutColumn {
  /** A stable identifier of the column, for code and the README. */
  key: string;
  /** One of the layout's groups (基本情况 …). */
  group: string;
  /** The Chinese field name; the header is `【group】name`. */
  name: string;
  /**
   * The registry field it holds (a field of the import template), or null for a column written for the
   * reader only (derived region codes, approvals as text), which an import ignores.
   */
  field: string | null;
  kind: LayoutKind;
  /** For an enumeration: the registry's value → the code written in the cell. */
  codes?: Record<string, string>;
}

/** A versioned layout. */
export interface LayoutDefinition {
  version: number;
  name: string;
  groups: readonly string[];
  columns: readonly LayoutColumn[];
}
