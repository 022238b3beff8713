/**
 * How a case was found (发现证据): the inspections whose hazard opened or joined it and the confirmed
 * complaints that did, each with its photos (with their SHA-256, for the dossier), position and notes.
 * The complainant's identity is never read here: a complaint's evidence is what was reported, not who
 * reported it, so neither the case page nor the dossier can show it. The queries are the case store's
 * (discovery-sql.ts).
 */
import type { Presence } from '../inspections/presence.ts';
import type { Judgement } from '../inspections/store.ts';

export interface DiscoveryFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface DiscoveryPosition {
  latitude: number;
  longitude: number;
  accuracy: number | null;
}

interface DiscoveryBase {
  id: string;
  /** When it was inspected or filed. */
  at: string;
  /** The report that opened the case (its `source_ref`); the others joined it while it was open. */
  origin: boolean;
  /** Reported the hazard of a case already open (the record's own flag; the case's first report is not). */
  joined: boolean;
  /** What this report said of the hazard (the inspection's hazard of the case's category, or the complaint's text). */
  description: string;
  position: DiscoveryPosition | null;
  files: DiscoveryFile[];
}

export interface InspectionDiscovery extends DiscoveryBase {
  kind: 'inspection';
  inspectionKind: 'daily' | 'special';
  inspectorName: string;
  inspectorUsername: string | null;
  judgement: Judgement;
  notes: string | null;
  presence: Presence;
  distanceM: number | null;
}

export interface ComplaintDiscovery extends DiscoveryBase {
  kind: 'complaint';
  trackingNo: string;
  channel: string;
  category: string;
  /** The house the complaint named (scanned from its label), or null when a place was picked on the map. */
  buildingCode: string | null;
  villageName: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  verifiedByUsername: string | null;
  /** The verifier's internal note (staff only; never on the citizen's progress page). */
  verifyNote: string | null;
}

export type Discovery = InspectionDiscovery | ComplaintDiscovery;
