/**
 * The BPMN diagram, loaded on demand: bpmn-js and its styles are a chunk of their own that only the
 * case and definition pages fetch. Render it inside `<Suspense>`.
 */
import { lazy } from 'react';

export const BpmnDiagram = lazy(() => import('./BpmnDiagram.tsx').then((m) => ({ default: m.BpmnDiagram })));
export type { BpmnDiagramProps, ElementBadge, ElementMark } from './types.ts';
