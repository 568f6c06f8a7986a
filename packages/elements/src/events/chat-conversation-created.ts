/** What `chat-conversation-created` tells the host page. */
export interface ChatConversationCreatedDetail {
  /** The id of the new session: the conversation is now stored and its URL is `/c/{sessionId}`. */
  sessionId: string;
  /** The model of a model-specific conversation, or `null` for the general chat. */
  modelId: string | null;
}

/**
 * Fired when the first message of an ephemeral conversation has created its session, as soon as
 * `session_created` arrives (the seed's `conversation-created`). Bubbles out of shadow roots.
 */
export class ChatConversationCreatedEvent extends CustomEvent<ChatConversationCreatedDetail> {
  static readonly eventName = 'chat-conversation-created';

  constructor(detail: ChatConversationCreatedDetail) {
    super(ChatConversationCreatedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'chat-conversation-created': ChatConversationCreatedEvent;
  }
}
