/** The texts of the conversation and the app around it: everything but the sidebar's (see `ChatStrings`). */
export interface ConversationStrings {
  /** Label of the general "New chat" button. */
  newChat: string;
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
  /** Label of the button that scrolls down to the answer being written, shown after scrolling up. */
  jumpToLatest: string;
  /** Who wrote a message, for screen readers. */
  you: string;
  /** Who wrote an answer, for screen readers. */
  assistant: string;
  /** Shown while the assistant has not written anything yet. */
  thinking: string;
  /** Shown under an answer that was stopped. */
  stopped: string;
  /** Shown under an answer whose server stopped while writing it (the text so far is kept). */
  interrupted: string;
  /** Shown while the connection to an answer being written is re-established. */
  reconnecting: string;
  /** Shown in a conversation deleted in another tab or on another device. */
  conversationDeleted: string;
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
  /** Shown instead of "not found" when a guest's session expired and their conversations with it. */
  sessionExpired: string;
}

/** The default texts of the conversation, in English. */
export const conversationStrings: ConversationStrings = {
  newChat: 'New chat',
  openSidebar: 'Open conversations',
  closeSidebar: 'Close conversations',
  composerPlaceholder: 'Send a message…',
  composerLabel: 'Message',
  send: 'Send',
  stop: 'Stop',
  retry: 'Retry',
  messagesLabel: 'Messages',
  jumpToLatest: 'Jump to latest',
  you: 'You',
  assistant: 'Assistant',
  thinking: 'Thinking…',
  stopped: 'Stopped',
  interrupted: 'Interrupted: the answer was not finished.',
  reconnecting: 'Reconnecting…',
  conversationDeleted: 'This conversation was deleted.',
  emptyConversationTitle: 'How can I help?',
  emptyConversationHint: 'Your conversation is saved when you send the first message.',
  loadingConversation: 'Loading conversation…',
  toolStarted: (tool) => `Using ${tool}…`,
  toolFinished: (tool) => `Used ${tool}`,
  toolFailed: (tool) => `${tool} failed`,
  imageLink: (description) => `Image: ${description || 'untitled'} (not loaded)`,
  genericError: 'Something went wrong. Please try again.',
  sessionExpired:
    'Your session has expired, so this conversation can no longer be opened. Start a new chat to go on.',
};
