import { type ConversationStrings, conversationStrings } from './conversation-strings';
import { type SidebarStrings, sidebarStrings } from './sidebar-strings';

/**
 * Every piece of text the elements show or announce. Set the `strings` property of `<chat-app>` or
 * `<chat-sidebar>` to a partial object to translate or reword any of them.
 *
 * @example
 * ```ts
 * document.querySelector('chat-app')!.strings = {
 *   newChat: 'Nouvelle discussion',
 *   composerPlaceholder: 'Écrivez un message…',
 * };
 * ```
 */
export interface ChatStrings extends ConversationStrings, SidebarStrings {}

/** Every default text, in English. */
export const defaultStrings: ChatStrings = { ...conversationStrings, ...sidebarStrings };

/** The default strings with the given ones on top. */
export function resolveStrings(strings: Partial<ChatStrings> | undefined): ChatStrings {
  return strings ? { ...defaultStrings, ...strings } : defaultStrings;
}
