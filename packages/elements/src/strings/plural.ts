/** A text for each plural category a language uses; `other` is always required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of `forms` that `locale`'s plural rules choose for `count`, with `{count}` replaced by
 * the number written the locale's way. For packs' texts that hold a number.
 *
 * @example
 * ```ts
 * plural('ru', 7, { one: '{count} день', few: '{count} дня', many: '{count} дней', other: '{count} дня' });
 * // '7 дней'
 * ```
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replace('{count}', new Intl.NumberFormat(locale).format(count));
}
