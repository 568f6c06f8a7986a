import { plural } from './plural';
import { relativeDay } from './relative-day';

/** The texts only the sidebar shows (see `ChatStrings`). */
export interface SidebarStrings {
  /** Accessible label of a model's own "New chat" button. */
  newChatWithModel: (modelName: string) => string;
  /** Heading of the models section of the sidebar. */
  models: string;
  /** Heading of the conversations section of the sidebar. */
  conversations: string;
  /** Accessible name of the sidebar's navigation landmark. */
  sidebarLabel: string;
  /** Heading of conversations updated today. */
  today: string;
  /** Heading of conversations updated yesterday. */
  yesterday: string;
  /** Heading of conversations updated in the last `count` days (7, then 30) before yesterday. */
  previousDays: (count: number) => string;
  /** Heading of older conversations. */
  older: string;
  /** Shown when the user has no conversation yet. */
  noConversations: string;
  /** Label of the button that loads more conversations. */
  loadMore: string;
  /** Shown while the sidebar loads. */
  loading: string;
  /** Accessible label of a conversation's rename button. */
  renameConversation: (title: string) => string;
  /** Accessible label of a conversation's delete button. */
  deleteConversation: (title: string) => string;
  /** Accessible label of the title field while renaming. */
  conversationTitle: string;
  /** Label of the button that saves a new title. */
  save: string;
  /** Label of the button that cancels a rename or a delete. */
  cancel: string;
  /** Question asked before a conversation is deleted. */
  confirmDelete: (title: string) => string;
  /** Label of the button that confirms a delete. */
  delete: string;
}

/**
 * The default texts of the sidebar, in English. Apart from the conversation's so that the embed
 * loads them with the sidebar, not before the first answer.
 */
export const sidebarStrings: SidebarStrings = {
  newChatWithModel: (modelName) => `New chat with ${modelName}`,
  models: 'Models',
  conversations: 'Conversations',
  sidebarLabel: 'Conversations',
  today: relativeDay('en', 0),
  yesterday: relativeDay('en', -1),
  previousDays: (count) => plural('en', count, { one: 'Previous day', other: 'Previous {count} days' }),
  older: 'Older',
  noConversations: 'No conversations yet.',
  loadMore: 'Load more',
  loading: 'Loading…',
  renameConversation: (title) => `Rename “${title}”`,
  deleteConversation: (title) => `Delete “${title}”`,
  conversationTitle: 'Conversation title',
  save: 'Save',
  cancel: 'Cancel',
  confirmDelete: (title) => `Delete “${title}”?`,
  delete: 'Delete',
};
