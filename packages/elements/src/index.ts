export { ChatAlert } from './chat-alert/chat-alert.component';
export { ChatApp } from './chat-app/chat-app.component';
export { ChatComposer } from './chat-composer/chat-composer.component';
export { ChatConversation } from './chat-conversation/chat-conversation.component';
export { ChatMessage } from './chat-message/chat-message.component';
export { ChatMessageList } from './chat-message-list/chat-message-list.component';
export { ChatSidebar } from './chat-sidebar/chat-sidebar.component';
export { ChatToolIndicator } from './chat-tool-indicator/chat-tool-indicator.component';
export { type SessionGroup, groupSessions } from './chat-sidebar/group-sessions';
export { chatClientContext } from './context/chat-client-context';
export { chatRouterContext } from './context/chat-router-context';
export { FollowScrollController } from './controllers/follow-scroll-controller';
export { LocaleController } from './controllers/locale-controller';
export { type Subscribe, SubscriptionController } from './controllers/subscription-controller';
export {
  type ChatConversationCreatedDetail,
  ChatConversationCreatedEvent,
} from './events/chat-conversation-created';
export { type ChatNavigateDetail, ChatNavigateEvent } from './events/chat-navigate';
export { ChatRetryEvent } from './events/chat-retry';
export { type ChatSendDetail, ChatSendEvent } from './events/chat-send';
export { ChatStopEvent } from './events/chat-stop';
export { loadMarkdown } from './markdown/load-markdown';
export type { MarkdownOptions, MarkdownRenderer } from './markdown/markdown-options';
export type { MarkdownModule } from './markdown/load-markdown';
export {
  ChatRouter,
  type ChatRouterOptions,
  type RouteChangeCause,
  type RoutingMode,
  sameRoute,
} from './routing/chat-router';
export { defineElement } from './shared/define-element';
export { version } from './shared/version';
export { type ChatStrings, defaultStrings, resolveStrings } from './strings/chat-strings';
export type { ConversationStrings } from './strings/conversation-strings';
export { type LocaleCode, localeCodes } from './strings/locale-codes';
export type { LocalePack, TextDirection } from './strings/locale-pack';
export { loadedLocalePack, loadLocalePack, type TranslatedLocale } from './strings/load-locale-pack';
export { type PluralForms, plural } from './strings/plural';
export { relativeDay } from './strings/relative-day';
export { resolveLocale } from './strings/resolve-locale';
export type { SidebarStrings } from './strings/sidebar-strings';
export { darkColors } from './themes/dark';
export { type ColorName, lightColors } from './themes/light';
export { type ChatTheme, themeStyles } from './themes/theme-styles';
