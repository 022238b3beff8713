/** The complaint enumerations as select choices; names are translation keys (`resources.complaints.enums.…`). */

/** The statuses the API filters on (`status=`); overdue is its own filter and tab. */
export const statusChoices = (['verifying', 'confirmed', 'unfounded'] as const).map((id) => ({
  id,
  name: `resources.complaints.enums.status.${id}`,
}));

/** The two outcomes of an on-site verification. */
export const resultChoices = (['confirmed', 'unfounded'] as const).map((id) => ({ id, name: `resources.complaints.enums.result.${id}` }));
