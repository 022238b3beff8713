/**
 * QR codes and label sheets of houses, as the label routes serve them: a house the reader may see, the
 * labels of houses they may print (one, or a checked selection). The label data is read through the
 * label source of domain/labels; the routes render and send.
 */
import type { AppAbility } from '../../domain/abilities.ts';
import type { Building, BuildingStore } from '../../domain/buildings/store.ts';
import type { Db } from '../../domain/db.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { assertMayPrint, checkPrintableCodes, parseBuildingCode } from '../../domain/labels/selection.ts';
import { LabelSource } from '../../domain/labels/source.ts';
import type { LabelData } from '../../domain/labels/pdf.ts';

export interface LabelServiceDeps {
  db: Db;
  buildings: BuildingStore;
  baseUrl: string;
}

export class LabelService {
  constructor(private readonly deps: LabelServiceDeps) {}

  /** A label source per request, as before: its cache of district names lives no longer than one sheet. */
  private source(): LabelSource {
    return new LabelSource(this.deps.db, this.deps.baseUrl);
  }

  /** The house of `raw` (a code as typed, checked as `params.code`) if the reader may see it; 404 otherwise. */
  async visible(ability: AppAbility, raw: string): Promise<Building> {
    const building = await this.deps.buildings.find(ability, parseBuildingCode(raw, 'params.code'));
    if (!building) throw new NotFoundError('房屋不存在或无权查看');
    return building;
  }

  /** The label of one house the reader may see and print (403 where they may not print its village). */
  async houseLabel(ability: AppAbility, raw: string): Promise<{ building: Building; labels: LabelData[] }> {
    const building = await this.visible(ability, raw);
    // The first 12 characters of a code are its village's code.
    assertMayPrint(ability, building.code.slice(0, 12));
    return { building, labels: await this.source().forCodes([building.code]) };
  }

  /** The labels of a selection, in code order; any code unknown or not the reader's refuses the whole sheet (422). */
  async selectionLabels(ability: AppAbility, codes: string[]): Promise<LabelData[]> {
    return this.source().forCodes(await checkPrintableCodes(this.deps.db, ability, codes));
  }
}
