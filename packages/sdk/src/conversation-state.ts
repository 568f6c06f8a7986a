import type { ChatMessage } from './chat-message';
import type { ConversationContext, ConversationOptions } from './conversation-context';
import type { ConversationEventDetails, ConversationStatus } from './conversation-events';
import { createTurn, settleTurn, type Turn } from './conversation-turn';
import type { ChatError } from './errors';
import type { ChatRoute } from './routes';
import { TypedEventTarget } from './typed-event-target';

/** What a conversation holds; changed only through {@link ConversationState}'s layers. */
export interface ConversationData {
  sessionId: string | null;
  modelId: string | null;
  title: string | null;
  status: ConversationStatus;
  messages: readonly ChatMessage[];
  error: ChatError | null;
  turn: Turn | null;
  /** Messages of a turn the server never accepted: dropped by the next send. */
  rejected: Set<string>;
  /**
   * The `Idempotency-Key` of a `stream-new` that may have reached the server without us hearing
   * back; sending the same text again reuses it, so the server answers with that session.
   */
  pendingCreation: { key: string; text: string } | null;
  deleted: boolean;
  /** The message of the last turn, while it is the one that failed. */
  failedText: string | null;
}

/**
 * The state of a {@link Conversation}, its getters, and the changes every layer makes to it: the
 * messages, the status, and a turn's start and end. Each change is also an event.
 */
export abstract class ConversationState extends TypedEventTarget<ConversationEventDetails> {
  protected readonly context: ConversationContext;
  protected readonly state: ConversationData;

  constructor(context: ConversationContext, options: ConversationOptions = {}) {
    super();
    this.context = context;
    const sessionId = options.sessionId ?? null;
    this.state = {
      sessionId,
      modelId: options.modelId ?? null,
      title: options.title ?? null,
      status: sessionId === null ? 'ephemeral' : 'idle',
      messages: [],
      error: null,
      turn: null,
      rejected: new Set(),
      pendingCreation: null,
      deleted: false,
      failedText: null,
    };
  }

  /** The stored conversation's id; `null` while ephemeral. */
  get sessionId(): string | null {
    return this.state.sessionId;
  }

  /** The model of a model-specific conversation; `null` for the general chat. */
  get modelId(): string | null {
    return this.state.modelId;
  }

  /** The title, once known (from `session_created`, `title`, or {@link load}). */
  get title(): string | null {
    return this.state.title;
  }

  get status(): ConversationStatus {
    return this.state.status;
  }

  /** Whether the stored conversation was deleted (here, in another tab, or on another device). */
  get deleted(): boolean {
    return this.state.deleted;
  }

  /** Whether nothing is stored yet (no session id). */
  get isEphemeral(): boolean {
    return this.state.sessionId === null;
  }

  /** The messages, oldest first. A new array after every change. */
  get messages(): readonly ChatMessage[] {
    return this.state.messages;
  }

  /** Why the last turn failed, while `status` is `error`. */
  get error(): ChatError | null {
    return this.state.error;
  }

  /** The route showing this conversation: `/new`-like while ephemeral, `/c/{id}`-like after. */
  get route(): ChatRoute {
    return this.state.sessionId === null
      ? { kind: 'new', modelId: this.state.modelId }
      : { kind: 'conversation', sessionId: this.state.sessionId, modelId: this.state.modelId };
  }

  protected newTurn(text: string, userMessageId: string, answerId: string): Turn {
    const turn = createTurn(text, userMessageId, answerId);
    this.state.turn = turn;
    this.state.error = null;
    this.state.failedText = null;
    return turn;
  }
  /** Ends a turn: its answer takes `changes`, then `status` changes. Returns the final answer. */
  protected finish(turn: Turn, status: ConversationStatus, changes: Partial<ChatMessage>): ChatMessage {
    this.endTurn(turn);
    const message = this.updateAnswer(turn, (answer) => ({ ...answer, ...changes }));
    this.setStatus(status);
    return message;
  }

  protected endTurn(turn: Turn): void {
    if (this.state.turn === turn) this.state.turn = null;
    settleTurn(turn);
  }

  /** Replaces the turn's assistant message with `update(message)` and returns the new one. */
  protected updateAnswer(turn: Turn, update: (message: ChatMessage) => ChatMessage): ChatMessage {
    // The answer is added when the turn starts and stays until it ends; it is almost always last.
    const index = this.state.messages.findLastIndex((message) => message.id === turn.answerId);
    const answer = update(this.state.messages[index]!);
    turn.answerId = answer.id;
    this.setMessages(this.state.messages.with(index, answer));
    return answer;
  }

  protected setMessages(messages: readonly ChatMessage[]): void {
    this.state.messages = messages;
    this.emit('messages-change', { messages });
  }

  /** Changes `status` and tells listeners, after every other field of the change is set. */
  protected setStatus(status: ConversationStatus): void {
    const previous = this.state.status;
    this.state.status = status;
    if (previous !== status) this.emit('state-change', { status, previous });
  }
}
