import type { ChatError } from './errors';
import type { ChatMessage } from './chat-message';
import type { ToolCall } from './protocol/resources';

/** Where a conversation is in its lifecycle. */
export type ConversationStatus =
  /** Nothing stored, nothing sent: the `/new` routes. */
  | 'ephemeral'
  /** The first message is on its way to `stream-new`; no session id yet. */
  | 'creating'
  /** The answer is being written. */
  | 'streaming'
  /**
   * The connection to the answer being written was lost (dropped, stalled, offline); the SDK is
   * resuming it after the last event it applied, with backoff. Back to `streaming` once reconnected.
   */
  | 'reconnecting'
  /** A persistent conversation with no turn running. */
  | 'idle'
  /** The last turn failed; see `conversation.error`. Sending again is allowed. */
  | 'error';

/** The `detail` of each event a {@link Conversation} dispatches, by event name. */
export interface ConversationEventDetails {
  /** The server stored the conversation: it now has an id (the protocol's `session_created`). */
  'session-created': { sessionId: string; modelId: string | null; title: string };
  /** The seed's event, right after `session-created`: the place to move `/new` to `/c/{id}`. */
  'conversation-created': { sessionId: string; modelId: string | null };
  /** A text delta; `message` is the assistant message with the delta already applied. */
  token: { content: string; message: ChatMessage };
  /** A tool started, finished or failed; `message` is the assistant message holding it. */
  tool: { toolCall: ToolCall; message: ChatMessage };
  /** The conversation's generated title. */
  title: { sessionId: string; title: string };
  /**
   * The turn ended well, or was stopped (`finishReason: 'stopped'`, message status `partial`).
   * `messageId` is the server's id, or the local one when the turn was stopped before `done`.
   */
  done: { messageId: string; finishReason: string; message: ChatMessage };
  /** The turn failed; `message` is the assistant message, now with status `error`. */
  error: { error: ChatError; message: ChatMessage };
  /** The stored conversation was deleted, here or elsewhere (another tab, another device). */
  deleted: { sessionId: string };
  /** `status` changed. */
  'state-change': { status: ConversationStatus; previous: ConversationStatus };
  /** `messages` was replaced (a message was added, or one changed). */
  'messages-change': { messages: readonly ChatMessage[] };
}

/** The events of a {@link Conversation}, as `CustomEvent`s, by name. */
export type ConversationEventMap = {
  [Type in keyof ConversationEventDetails]: CustomEvent<ConversationEventDetails[Type]>;
};
