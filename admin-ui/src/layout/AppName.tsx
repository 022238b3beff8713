/** The app's name in the UI's language: react-admin shows `<Admin title>` untranslated where a page has no title of its own. */
import { useTranslate } from 'react-admin';

export function AppName() {
  return <>{useTranslate()('app.name')}</>;
}
