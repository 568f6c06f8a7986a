/** The languages the elements ship a pack for (`strings/locales/<code>.ts`). */
export const localeCodes = [
  'ar',
  'de',
  'en',
  'es',
  'fr',
  'he',
  'hi',
  'id',
  'it',
  'ja',
  'ko',
  'nl',
  'pl',
  'pt-BR',
  'ru',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-CN',
  'zh-TW',
] as const;

/** A language with a pack of its own; see `localeCodes`. */
export type LocaleCode = (typeof localeCodes)[number];
