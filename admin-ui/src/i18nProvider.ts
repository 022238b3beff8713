/**
 * Simplified Chinese by default, English on request. English is loaded only when chosen. The page's
 * `lang` follows the locale so browsers pick CJK fonts and screen readers the right voice.
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { messages as chinese } from './i18n/zh.ts';

export const LOCALES = [
  { locale: 'zh', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

const HTML_LANG: Record<string, string> = { zh: 'zh-CN', en: 'en' };

function messagesFor(locale: string): TranslationMessages | Promise<TranslationMessages> {
  if (locale === 'en') return import('./i18n/en.ts').then((m) => m.messages);
  return chinese;
}

const base = polyglotI18nProvider(messagesFor, 'zh', LOCALES, { allowMissing: true });

function reflectLocale(locale: string): void {
  document.documentElement.lang = HTML_LANG[locale] ?? locale;
  document.title = base.translate('app.documentTitle');
}

export const i18nProvider: I18nProvider = {
  ...base,
  async changeLocale(locale: string) {
    await base.changeLocale(locale);
    reflectLocale(locale);
  },
};
