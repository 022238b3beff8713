/** What a page asks the BPMN diagram to show on its elements. */

/** How an element is coloured: passed (green), where cases are now (blue), late (red). */
export type ElementMark = 'done' | 'active' | 'overdue';

/** A small label on an element: a count in the corner, or a wider text centred above it. */
export interface ElementBadge {
  text: string;
  tone: ElementMark | 'neutral';
  placement: 'corner' | 'above';
  /** Shown on hover and read by screen readers. */
  title?: string;
}

export interface BpmnDiagramProps {
  /** BPMN 2.0 XML. */
  xml: string;
  marks?: Readonly<Record<string, ElementMark>>;
  badges?: Readonly<Record<string, readonly ElementBadge[]>>;
  /** A fill colour per element (a heatmap, e.g. the cockpit's median days per step), under any mark. */
  fills?: Readonly<Record<string, string>>;
  /** What the picture shows, for screen readers. */
  label: string;
}
