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
export interface ChatStrings {
  /** Label of the general "New chat" button. */
  newChat: string;
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
  /** Heading of conversations updated in the last seven days. */
  previousSevenDays: string;
  /** Heading of conversations updated in the last thirty days. */
  previousThirtyDays: string;
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
  /** Accessible label of the button that opens the sidebar on narrow screens. */
  openSidebar: string;
  /** Accessible label of the button that closes the sidebar on narrow screens. */
  closeSidebar: string;
  /** Placeholder of the message field. */
  composerPlaceholder: string;
  /** Accessible label of the message field. */
  composerLabel: string;
  /** Label of the send button. */
  send: string;
  /** Label of the button that stops the answer being written. */
  stop: string;
  /** Label of the button that retries a failed turn. */
  retry: string;
  /** Accessible name of the list of messages. */
  messagesLabel: string;
  /** Who wrote a message, for screen readers. */
  you: string;
  /** Who wrote an answer, for screen readers. */
  assistant: string;
  /** Shown while the assistant has not written anything yet. */
  thinking: string;
  /** Shown under an answer that was stopped. */
  stopped: string;
  /** Shown in an empty conversation. */
  emptyConversationTitle: string;
  /** Shown under the title of an empty conversation. */
  emptyConversationHint: string;
  /** Shown while a conversation's history loads. */
  loadingConversation: string;
  /** A tool the assistant is using, by status. */
  toolStarted: (tool: string) => string;
  toolFinished: (tool: string) => string;
  toolFailed: (tool: string) => string;
  /** Text of the link that replaces a remote image (which is not loaded, to protect privacy). */
  imageLink: (description: string) => string;
  /** Shown when an error has no message of its own. */
  genericError: string;
}

export const defaultStrings: ChatStrings = {
  newChat: 'New chat',
  newChatWithModel: (modelName) => `New chat with ${modelName}`,
  models: 'Models',
  conversations: 'Conversations',
  sidebarLabel: 'Conversations',
  today: 'Today',
  yesterday: 'Yesterday',
  previousSevenDays: 'Previous 7 days',
  previousThirtyDays: 'Previous 30 days',
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
  openSidebar: 'Open conversations',
  closeSidebar: 'Close conversations',
  composerPlaceholder: 'Send a message…',
  composerLabel: 'Message',
  send: 'Send',
  stop: 'Stop',
  retry: 'Retry',
  messagesLabel: 'Messages',
  you: 'You',
  assistant: 'Assistant',
  thinking: 'Thinking…',
  stopped: 'Stopped',
  emptyConversationTitle: 'How can I help?',
  emptyConversationHint: 'Your conversation is saved when you send the first message.',
  loadingConversation: 'Loading conversation…',
  toolStarted: (tool) => `Using ${tool}…`,
  toolFinished: (tool) => `Used ${tool}`,
  toolFailed: (tool) => `${tool} failed`,
  imageLink: (description) => `Image: ${description || 'untitled'} (not loaded)`,
  genericError: 'Something went wrong. Please try again.',
};

/** The default strings with the given ones on top. */
export function resolveStrings(strings: Partial<ChatStrings> | undefined): ChatStrings {
  return strings ? { ...defaultStrings, ...strings } : defaultStrings;
}
