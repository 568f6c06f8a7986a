import type { ChatStrings } from './chat-strings';
import type { LocaleCode } from './locale-codes';

/** Which way a language's text runs. */
export type TextDirection = 'ltr' | 'rtl';

/**
 * One language's texts: every key of `ChatStrings`, no more, no less (a test checks each pack
 * against the English one), with what a reviewer needs to know.
 */
export interface LocalePack {
  /** The language, as in `localeCodes`. */
  locale: LocaleCode;
  /** The language's own name for itself. */
  name: string;
  /** `rtl` for Arabic and Hebrew: the elements mirror. */
  direction: TextDirection;
  /** Not yet read by a native speaker: treat the wording as a careful draft. */
  needsReview: boolean;
  /** The conventions the pack follows (formality, quotation marks…), for its reviewers. */
  notes: string;
  strings: ChatStrings;
}
