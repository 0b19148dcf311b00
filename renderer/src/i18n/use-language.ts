import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/language';

/** The UI language as one of the languages findings are written in. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}
