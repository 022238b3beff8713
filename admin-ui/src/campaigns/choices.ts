/** The campaign enumerations as select choices; names are translation keys (`resources.campaigns.enums.…`). */

export const statusChoices = (['running', 'completed', 'closed', 'cancelled'] as const).map((id) => ({
  id,
  name: `resources.campaigns.enums.status.${id}`,
}));

/** Who a campaign is handed to: the inspectors of each village, or the officers of each town. */
export const assigneeChoices = (['inspector', 'town_officer'] as const).map((id) => ({
  id,
  name: `resources.campaigns.enums.assigneeRole.${id}`,
}));
