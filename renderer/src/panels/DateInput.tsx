import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { shownDay, typedDay } from '../i18n/date-locale';
import { useLanguage } from '../i18n/use-language';

/**
 * A date field in the UI's language. Chromium's `<input type="date">` writes the day in the
 * browser's locale whatever the page's language (mm/dd/yyyy in a US browser under a Chinese UI),
 * so the day is typed as text (2027-06-01, 2027/6/1, 2027年6月1日) and shown back in words in the
 * UI's language beside it ("1 Jun 2027", "2027年6月1日").
 */
export function DateInput({
  value,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> & { value: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const day = typedDay(value);
  return (
    <span className="date-input">
      <input
        {...props}
        type="text"
        lang={language}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('dateField.placeholder')}
        title={t('dateField.hint')}
        value={value}
      />
      <span className="date-input__words" data-testid="date-words" aria-hidden={day === null}>
        {day ? shownDay(day, language) : ''}
      </span>
    </span>
  );
}
