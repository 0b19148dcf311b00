import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/model/language';
import { en } from './en';
import { zhCN } from './zh-CN';

const STORAGE_KEY = 'throughline.language';

/** The language to start in: the one the user chose before, else the OS/browser locale. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  const locale = globalThis.navigator?.language ?? 'en';
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return instance;
}
