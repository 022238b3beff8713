/**
 * Inspection shapes as the API returns them (`/api/inspections…`, and the house file's
 * `inspections`, which come without photos): the API's own types, so the UI names exactly the
 * values the API sends.
 */
import type { Judgement } from '../../../domain/buildings/enums.ts';
import type { CaseCategory } from '../../../domain/cases/enums.ts';
import type { Presence } from '../../../domain/inspections/presence.ts';
import type { Inspection } from '../../../domain/inspections/store.ts';

export type { CaseCategory, Inspection, Judgement, Presence };
/** One hazard found, with the case it opened (`joined: false`) or joined (an open case of the same house and category). */
export type { InspectionHazard } from '../../../domain/inspections/store.ts';

/** A photo taken during the inspection (`GET /api/inspection-files/:id`). */
export type InspectionFile = Inspection['files'][number];

/** Where an inspection's photo loads from; the session cookie authenticates it. */
export const inspectionFileUrl = (fileId: string) => `/api/inspection-files/${encodeURIComponent(fileId)}`;
