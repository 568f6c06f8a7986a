import { type LocaleCode, localeCodes } from './locale-codes';

const byLowerCase = new Map<string, LocaleCode>(localeCodes.map((code) => [code.toLowerCase(), code]));

/** Packs for a language that has more than one: its usual choice when the tag names only the language. */
const defaultRegions: Partial<Record<string, LocaleCode>> = { pt: 'pt-BR' };

/**
 * The pack for a BCP 47 language tag (a `lang` attribute): the exact pack if there is one, then
 * the pack of its language (`de-AT` → `de`, `pt`/`pt-PT` → `pt-BR`); Chinese by script
 * (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` → `zh-TW`; other `zh` → `zh-CN`); anything else, or no
 * tag, → `en`. Legacy tags are understood (`iw` → `he`, `in` → `id`).
 *
 * @example
 * ```ts
 * resolveLocale('zh-HK'); // 'zh-TW'
 * resolveLocale('nb-NO'); // 'en'
 * ```
 */
export function resolveLocale(tag: string | null | undefined): LocaleCode {
  const trimmed = tag?.trim();
  if (!trimmed) return 'en';
  const exact = byLowerCase.get(trimmed.toLowerCase());
  if (exact) return exact;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(trimmed);
  } catch {
    return 'en';
  }
  const { language } = locale;
  if (language === 'zh') return locale.maximize().script === 'Hant' ? 'zh-TW' : 'zh-CN';
  return (
    byLowerCase.get(locale.baseName.toLowerCase()) ??
    byLowerCase.get(language) ??
    defaultRegions[language] ??
    'en'
  );
}
