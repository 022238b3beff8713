/** Activities of the anchor workflow (see workflows/audit-anchor). */
import { resolve } from 'node:path';
import { anchorFilePath, appendAnchorFile } from '../../domain/cases/anchor-file.ts';
import { writeAnchor } from '../../domain/cases/anchors.ts';
import type { Config } from '../../domain/config.ts';
import type { Db } from '../../domain/db.ts';
import type { SupervisionClient } from '../../domain/supervision/client.ts';

/** What the workflow carries between steps: the anchor without its heads (they may be many). */
export interface AnchorSummary {
  no: number;
  createdAt: string;
  root: string;
  cases: number;
}

export function createAnchorActivities(deps: { db: Db; config: Config; supervision: SupervisionClient }) {
  return {
    async writeAuditAnchor(): Promise<AnchorSummary> {
      const { no, createdAt, root, cases } = await writeAnchor(deps.db);
      return { no, createdAt, root, cases };
    },
    async exportAuditAnchors(): Promise<number> {
      return appendAnchorFile(deps.db, anchorFilePath(resolve(deps.config.dataDir)));
    },
    /** Only to a supervision system configured by SUPERVISION_URL; the bundled simulator is for demos. */
    async sendAuditAnchor(anchor: AnchorSummary): Promise<boolean> {
      if (!deps.config.supervisionUrl) return false;
      await deps.supervision.sendAnchor(anchor);
      return true;
    },
  };
}

export type AnchorActivities = ReturnType<typeof createAnchorActivities>;
