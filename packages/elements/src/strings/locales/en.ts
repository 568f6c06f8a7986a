import { conversationStrings } from '../conversation-strings';
import type { LocalePack } from '../locale-pack';
import { sidebarStrings } from '../sidebar-strings';

/**
 * English: the elements' own texts. Built in (the conversation's in the main bundle, the sidebar's
 * with the sidebar), so English never waits for a pack; this module is the reference the other
 * packs are checked against.
 */
const en = {
  locale: 'en',
  name: 'English',
  direction: 'ltr',
  needsReview: false,
  notes: 'The source texts. Sentence case; curly quotes around titles; "…" for work in progress.',
  strings: { ...conversationStrings, ...sidebarStrings },
} satisfies LocalePack;

export default en;
