/** The inspection enumerations as select choices; names are translation keys (`resources.inspections.enums.…`). */
import { JUDGEMENT } from '../../../domain/buildings/enums.ts';

export const judgementChoices = JUDGEMENT.values.map((id) => ({ id, name: `resources.inspections.enums.judgement.${id}` }));
