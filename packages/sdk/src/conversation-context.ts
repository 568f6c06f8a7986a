import type { Conversation } from './conversation';
import type { ReconnectOptions } from './reconnect-options';
import type { RetryOptions } from './retry-delay';
import type { SessionStore } from './sessions';
import type { ChatTransport } from './transport/chat-transport';

/** Which conversation to open: a new one (optionally for a model), or a stored one by id. */
export interface ConversationOptions {
  /** A stored conversation; leave out for a new, ephemeral one. */
  sessionId?: string | null | undefined;
  /** The model of a model-specific conversation; leave out for the general chat. */
  modelId?: string | null | undefined;
  /** A title already known (from the sidebar), until the history is loaded. */
  title?: string | null | undefined;
}

/** What a conversation needs from the client that made it. */
export interface ConversationContext {
  transport: ChatTransport;
  sessions: SessionStore;
  retry: Required<RetryOptions>;
  reconnect: Required<ReconnectOptions>;
  /** Called when the conversation gets its session id, before any listener hears of it. */
  created(conversation: Conversation): void;
}
