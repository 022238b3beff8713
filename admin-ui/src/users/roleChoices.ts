/** Role choices for selects; the names are translation keys, so they follow the language. */
import { ROLES } from '../../../domain/roles.ts';

export const roleChoices = ROLES.map((id) => ({ id, name: `app.roles.${id}` }));
