/** Who acted, as the trail and the case page name them: display name, account and role. */
import type { useTranslate } from 'react-admin';

type Translate = ReturnType<typeof useTranslate>;

export function actorText(translate: Translate, name: string, username: string | null, role: string | null): string {
  if (username && role) return translate('resources.cases.timeline.account', { name, username, role });
  if (username) return translate('resources.cases.timeline.accountOnly', { name, username });
  return role ? translate('resources.cases.timeline.actor', { name, role }) : name;
}
