/**
 * The one BPMN viewer of the app: bpmn-js's NavigatedViewer showing a process diagram, its elements
 * coloured with `canvas.addMarker` (done / active / overdue, styled below) and labelled with counts
 * through `overlays.add`, as in bpmn-io's `colors` and `overlays` examples, or filled with a colour
 * each (a heatmap). Wheel zoom is off so the
 * page scrolls past the diagram; buttons zoom instead, and dragging pans.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Box, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import type { Theme } from '@mui/material';
import type { CSSObject } from '@mui/material/styles';
import AddIcon from '@mui/icons-material/Add';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import RemoveIcon from '@mui/icons-material/Remove';
import { useTranslate } from 'react-admin';
import NavigatedViewerModule from 'bpmn-js/lib/NavigatedViewer.js';
import type * as CanvasModule from 'diagram-js/lib/core/Canvas.js';
import type * as ElementRegistryModule from 'diagram-js/lib/core/ElementRegistry.js';
import type * as OverlaysModule from 'diagram-js/lib/features/overlays/Overlays.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import type { BpmnDiagramProps, ElementBadge, ElementMark } from './types.ts';

// bpmn-js ships ES modules without `"type": "module"`, so TypeScript (NodeNext) reads the default
// import as the CommonJS module object while the bundler hands over the class itself.
const NavigatedViewer = NavigatedViewerModule as unknown as typeof NavigatedViewerModule.default;
type Viewer = InstanceType<typeof NavigatedViewer>;
type Canvas = CanvasModule.default;
type ElementRegistry = ElementRegistryModule.default;
type Overlays = OverlaysModule.default;

const MARKS: readonly ElementMark[] = ['done', 'active', 'overdue'];
const markerClass = (mark: ElementMark) => `ydym-${mark}`;
const OVERLAY_TYPE = 'ydym-badge';
const ZOOM_STEP = 1.2;

/** The colours of each mark, from the theme (bpmn-js draws the first child of `.djs-visual`). */
function markerStyles(theme: Theme): CSSObject {
  const shape = (stroke: string, fill: string, width: number) => ({
    stroke: `${stroke} !important`,
    fill: `${fill} !important`,
    strokeWidth: `${width}px !important`,
  });
  const { success, primary, error } = theme.palette;
  return {
    [`& .djs-element.${markerClass('done')} .djs-visual > :nth-child(1)`]: shape(success.main, '#e8f5e9', 2),
    [`& .djs-element.${markerClass('active')} .djs-visual > :nth-child(1)`]: shape(primary.main, '#e3f2fd', 4),
    [`& .djs-element.${markerClass('overdue')} .djs-visual > :nth-child(1)`]: shape(error.main, '#ffebee', 4),
    '& .ydym-badge': {
      font: `600 12px/18px ${theme.typography.fontFamily ?? 'sans-serif'}`,
      padding: '0 6px',
      minWidth: 18,
      borderRadius: 9,
      textAlign: 'center',
      whiteSpace: 'nowrap',
      color: '#fff',
      boxShadow: '0 1px 2px rgba(0,0,0,.3)',
      pointerEvents: 'auto',
    },
    '& .ydym-badge-above': { transform: 'translateX(-50%)' },
    '& .ydym-badge-done': { background: success.dark },
    '& .ydym-badge-active': { background: primary.main },
    '& .ydym-badge-overdue': { background: error.main },
    '& .ydym-badge-neutral': { background: theme.palette.grey[700] },
    '& .bjs-powered-by': { opacity: 0.4 },
  };
}

function badgeElement(badge: ElementBadge): HTMLElement {
  const el = document.createElement('div');
  el.className = `ydym-badge ydym-badge-${badge.tone} ydym-badge-${badge.placement}`;
  el.textContent = badge.text;
  if (badge.title) {
    el.title = badge.title;
    el.setAttribute('aria-label', badge.title);
  }
  return el;
}

/** Diagram units kept free around the drawing: room for the badges above and beside elements. */
const MARGIN = { side: 30, top: 40, bottom: 20 };

/**
 * Shows the whole diagram centred with a margin (bpmn-js's own 'fit-viewport' aligns it to the top
 * left edge, where badges and the last end event get cut off), never enlarged beyond its size.
 */
function fit(viewer: Viewer) {
  const canvas = viewer.get<Canvas>('canvas');
  const { inner, outer } = canvas.viewbox();
  if (inner.width === 0 || outer.width === 0) return;
  const box = {
    x: inner.x - MARGIN.side,
    y: inner.y - MARGIN.top,
    width: inner.width + 2 * MARGIN.side,
    height: inner.height + MARGIN.top + MARGIN.bottom,
  };
  const scale = Math.min(1, outer.width / box.width, outer.height / box.height);
  const width = outer.width / scale;
  const height = outer.height / scale;
  canvas.viewbox({ x: box.x - (width - box.width) / 2, y: box.y - (height - box.height) / 2, width, height });
}

export function BpmnDiagram({ xml, marks = {}, badges = {}, fills = {}, label }: BpmnDiagramProps) {
  const translate = useTranslate();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);
  const applied = useRef<{ id: string; mark: ElementMark }[]>([]);
  const filled = useRef<{ id: string; original: string }[]>([]);
  const [imported, setImported] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current, zoomScroll: { enabled: false } });
    viewer.current = created;
    const resize = new ResizeObserver(() => {
      created.get<Canvas>('canvas').resized();
      fit(created);
    });
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      created.destroy();
      viewer.current = null;
    };
  }, []);

  useEffect(() => {
    const current = viewer.current;
    if (!current) return;
    let cancelled = false;
    setFailed(false);
    current
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        applied.current = [];
        filled.current = [];
        fit(current);
        setImported((n) => n + 1);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [xml]);

  // Objects from callers may be new on every render; their content decides whether to redraw.
  const marksKey = JSON.stringify(marks);
  const badgesKey = JSON.stringify(badges);
  const fillsKey = JSON.stringify(fills);
  useEffect(() => {
    const current = viewer.current;
    if (!current || imported === 0) return;
    const canvas = current.get<Canvas>('canvas');
    const registry = current.get<ElementRegistry>('elementRegistry');
    const overlays = current.get<Overlays>('overlays');
    for (const { id, mark } of applied.current) if (registry.get(id)) canvas.removeMarker(id, markerClass(mark));
    applied.current = [];
    for (const [id, mark] of Object.entries(JSON.parse(marksKey) as Record<string, ElementMark>)) {
      if (!registry.get(id)) continue;
      canvas.addMarker(id, markerClass(mark));
      applied.current.push({ id, mark });
    }
    const shapeOf = (id: string) =>
      registry.get(id) ? registry.getGraphics(id)?.querySelector<SVGElement>('.djs-visual > :nth-child(1)') : null;
    for (const { id, original } of filled.current) {
      const shape = shapeOf(id);
      if (shape) shape.style.fill = original;
    }
    filled.current = [];
    for (const [id, colour] of Object.entries(JSON.parse(fillsKey) as Record<string, string>)) {
      const shape = shapeOf(id);
      if (!shape) continue;
      filled.current.push({ id, original: shape.style.fill });
      shape.style.fill = colour;
    }
    overlays.remove({ type: OVERLAY_TYPE });
    for (const [id, list] of Object.entries(JSON.parse(badgesKey) as Record<string, ElementBadge[]>)) {
      const element = registry.get(id);
      if (!element || !('width' in element)) continue;
      // A gateway's name stands above it: its badges go below, where they cover no text.
      const label = (element as { label?: { y: number } }).label;
      const below = label !== undefined && label.y < element.y;
      let offset = 0;
      for (const badge of list) {
        const position =
          badge.placement === 'corner'
            ? { top: -10, right: 14 + offset * 26 }
            : below
              ? { top: element.height + 4 + offset * 20, left: element.width / 2 }
              : { top: -22 - offset * 20, left: element.width / 2 };
        overlays.add(id, OVERLAY_TYPE, { position, html: badgeElement(badge) });
        offset += 1;
      }
    }
  }, [imported, marksKey, badgesKey, fillsKey]);

  const zoomBy = (factor: number) => {
    const canvas = viewer.current?.get<Canvas>('canvas');
    if (canvas) canvas.zoom(canvas.zoom() * factor);
  };
  const usedMarks = MARKS.filter((m) => Object.values(marks).includes(m));

  return (
    <Box>
      <Box
        sx={[
          (theme) => markerStyles(theme),
          {
            position: 'relative',
            width: '100%',
            aspectRatio: '16 / 10',
            minHeight: 220,
            maxHeight: 560,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            overflow: 'hidden',
            bgcolor: '#fff',
          },
        ]}
      >
        <Box ref={container} role="img" aria-label={label} sx={{ position: 'absolute', inset: 0 }} data-testid="bpmn-diagram" />
        <Stack direction="row" spacing={0.5} sx={{ position: 'absolute', top: 4, right: 4, bgcolor: 'background.paper', borderRadius: 1 }}>
          <Tooltip title={translate('resources.definitions.diagram.zoomIn')}>
            <IconButton size="small" onClick={() => zoomBy(ZOOM_STEP)} aria-label={translate('resources.definitions.diagram.zoomIn')}>
              <AddIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={translate('resources.definitions.diagram.zoomOut')}>
            <IconButton size="small" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={translate('resources.definitions.diagram.zoomOut')}>
              <RemoveIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={translate('resources.definitions.diagram.fit')}>
            <IconButton
              size="small"
              onClick={() => viewer.current && fit(viewer.current)}
              aria-label={translate('resources.definitions.diagram.fit')}
            >
              <FitScreenIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      </Box>
      {failed && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate('resources.definitions.diagram.failed')}
        </Alert>
      )}
      {usedMarks.length > 0 && (
        <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }} aria-hidden>
          {usedMarks.map((mark) => (
            <Stack key={mark} direction="row" spacing={0.75} alignItems="center">
              <Box
                sx={{
                  width: 14,
                  height: 14,
                  borderRadius: 0.5,
                  border: 2,
                  borderColor: mark === 'done' ? 'success.main' : mark === 'active' ? 'primary.main' : 'error.main',
                  bgcolor: mark === 'done' ? '#e8f5e9' : mark === 'active' ? '#e3f2fd' : '#ffebee',
                }}
              />
              <Typography variant="caption">{translate(`resources.definitions.diagram.legend.${mark}`)}</Typography>
            </Stack>
          ))}
        </Stack>
      )}
    </Box>
  );
}
