import type { LocaleCode } from './locale-codes';
import type { LocalePack } from './locale-pack';

/** A language other than English, whose pack is loaded on demand. */
export type TranslatedLocale = Exclude<LocaleCode, 'en'>;

// One literal `import()` per pack, so that bundlers make each its own chunk and a page loads only the
// one it uses. English needs none: it is built into the elements. (The browser loads a module once,
// however often it is imported.)
const packs: Record<TranslatedLocale, () => Promise<{ default: LocalePack }>> = {
  ar: () => import('./locales/ar'),
  de: () => import('./locales/de'),
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  he: () => import('./locales/he'),
  hi: () => import('./locales/hi'),
  id: () => import('./locales/id'),
  it: () => import('./locales/it'),
  ja: () => import('./locales/ja'),
  ko: () => import('./locales/ko'),
  nl: () => import('./locales/nl'),
  pl: () => import('./locales/pl'),
  'pt-BR': () => import('./locales/pt-BR'),
  ru: () => import('./locales/ru'),
  sv: () => import('./locales/sv'),
  th: () => import('./locales/th'),
  tr: () => import('./locales/tr'),
  uk: () => import('./locales/uk'),
  vi: () => import('./locales/vi'),
  'zh-CN': () => import('./locales/zh-CN'),
  'zh-TW': () => import('./locales/zh-TW'),
};

const loaded = new Map<TranslatedLocale, LocalePack>();

/**
 * Loads a language's pack (a failed load is tried again next time). The elements do this
 * themselves for their `lang`; call it to load a pack ahead of time or to read its texts.
 *
 * @example
 * ```ts
 * const { strings } = await loadLocalePack('de');
 * strings.send; // 'Senden'
 * ```
 */
export async function loadLocalePack(locale: TranslatedLocale): Promise<LocalePack> {
  const pack = (await packs[locale]()).default;
  loaded.set(locale, pack);
  return pack;
}

/** The pack if it has already loaded, so that an element can switch to it without waiting. */
export function loadedLocalePack(locale: TranslatedLocale): LocalePack | undefined {
  return loaded.get(locale);
}
