import {
  interruptedError,
  now,
  savedAnswerError,
  streamError,
  withToken,
  withToolEvent,
} from './answer-updates';
import type { ChatMessage } from './chat-message';
import type { ConversationContext, ConversationOptions } from './conversation-context';
import type { ConversationEventDetails, ConversationStatus } from './conversation-events';
import { createTurn, settleTurn, stopWaitMilliseconds, type Turn } from './conversation-turn';
import { createId } from './create-id';
import { ChatError, toChatError } from './errors';
import { followAnswer } from './follow-answer';
import { withNetworkRetries } from './network-retries';
import type { StreamEvent, ToolEvent } from './protocol/events';
import type { Message, ToolCall } from './protocol/resources';
import type { ChatRoute } from './routes';
import type { StreamCallOptions, TransportEvent } from './transport/chat-transport';
import { TypedEventTarget } from './typed-event-target';

export type { ConversationContext, ConversationOptions } from './conversation-context';

/**
 * One conversation and its lifecycle: ephemeral (nothing stored) until the first `send`, then
 * persistent once the server answers `session_created`. Get one from {@link ChatClient.conversation}.
 *
 * Its state is `status`, `messages`, `sessionId`, `title` and `error`; every change is also an event
 * (see {@link ConversationEventDetails}). `messages` is replaced, never mutated, on each change.
 *
 * @example
 * ```ts
 * const conversation = client.conversation({ modelId: 'support' });
 * conversation.on('conversation-created', ({ sessionId, modelId }) => {
 *   history.replaceState(null, '', formatRoute({ kind: 'conversation', sessionId, modelId }));
 * });
 * conversation.on('token', ({ content }) => output.append(content));
 * await conversation.send('Hello!');
 * ```
 */
export class Conversation extends TypedEventTarget<ConversationEventDetails> {
  readonly #context: ConversationContext;
  #sessionId: string | null;
  #modelId: string | null;
  #title: string | null;
  #status: ConversationStatus;
  #messages: readonly ChatMessage[] = [];
  #error: ChatError | null = null;
  #turn: Turn | null = null;
  /** Messages of a turn the server never accepted: dropped by the next send. */
  #rejected = new Set<string>();
  /**
   * The `Idempotency-Key` of a `stream-new` that may have reached the server without us hearing
   * back; sending the same text again reuses it, so the server answers with that session.
   */
  #pendingCreation: { key: string; text: string } | null = null;
  #deleted = false;
  /** The message of the last turn, while it is the one that failed. */
  #failedText: string | null = null;

  constructor(context: ConversationContext, options: ConversationOptions = {}) {
    super();
    this.#context = context;
    this.#sessionId = options.sessionId ?? null;
    this.#modelId = options.modelId ?? null;
    this.#title = options.title ?? null;
    this.#status = this.#sessionId === null ? 'ephemeral' : 'idle';
    if (this.#sessionId !== null) this.#followSession();
  }

  /** The stored conversation's id; `null` while ephemeral. */
  get sessionId(): string | null {
    return this.#sessionId;
  }

  /** The model of a model-specific conversation; `null` for the general chat. */
  get modelId(): string | null {
    return this.#modelId;
  }

  /** The title, once known (from `session_created`, `title`, or {@link load}). */
  get title(): string | null {
    return this.#title;
  }

  get status(): ConversationStatus {
    return this.#status;
  }

  /** Whether the stored conversation was deleted (here, in another tab, or on another device). */
  get deleted(): boolean {
    return this.#deleted;
  }

  /** Whether nothing is stored yet (no session id). */
  get isEphemeral(): boolean {
    return this.#sessionId === null;
  }

  /** The messages, oldest first. A new array after every change. */
  get messages(): readonly ChatMessage[] {
    return this.#messages;
  }

  /** Why the last turn failed, while `status` is `error`. */
  get error(): ChatError | null {
    return this.#error;
  }

  /** The route showing this conversation: `/new`-like while ephemeral, `/c/{id}`-like after. */
  get route(): ChatRoute {
    return this.#sessionId === null
      ? { kind: 'new', modelId: this.#modelId }
      : { kind: 'conversation', sessionId: this.#sessionId, modelId: this.#modelId };
  }

  /**
   * Sends a message and streams the answer into {@link messages}. The first send of an ephemeral
   * conversation creates it on the server (`stream-new`); later ones continue it.
   *
   * Resolves when the turn ends, however it ends: check `status` and `error`, or listen to `done`
   * and `error`. Rejects only when the message cannot be sent at all: empty (`empty_message`), or
   * while another answer is being written (`validation_error`). A message longer than
   * `MAX_MESSAGE_LENGTH` (from `@parley/sdk/protocol`) fails its turn with `message_too_long`.
   *
   * To try a failed turn again, call {@link retry}.
   *
   * @example
   * ```ts
   * await conversation.send('What can you do?');
   * if (conversation.status === 'error') console.error(conversation.error?.message);
   * ```
   */
  async send(text: string): Promise<void> {
    const message = text.trim();
    if (message === '')
      throw new ChatError({ code: 'empty_message', message: 'Type a message before sending.' });
    if (this.#turn) {
      throw new ChatError({
        code: 'validation_error',
        message: 'Wait for the answer, or stop() it, before sending again.',
      });
    }
    await this.#runTurn(message);
  }

  /**
   * Sends the message of the last turn again, after it failed (`status` is `error`); does nothing
   * when the last turn did not fail, or while a turn is running. Resolves when the new turn ends,
   * however it ends: check `status` and `error`, as after {@link send}.
   *
   * A turn the server never took on (refused, or cut off before its answer started) is replaced, so
   * the message is shown once. A first message is sent to `stream-new` again with the same
   * `Idempotency-Key`: should the server have stored it after all, it answers with that conversation,
   * never a second one. A turn that failed while its answer was being written stays, as the server
   * stored it (its answer with status `error`), and the message is sent again as the next turn.
   *
   * `error.retryable` says whether trying again may help, and `error.retryAfter` how many seconds the
   * server asked to wait; `retry()` itself sends at once.
   *
   * @example
   * ```ts
   * conversation.on('error', ({ error }) => {
   *   if (error.retryable) showRetryButton(() => conversation.retry());
   * });
   * ```
   */
  async retry(): Promise<void> {
    if (this.#failedText === null || this.#status !== 'error') return;
    await this.#runTurn(this.#failedText);
  }

  /**
   * Stops the answer being written: the stream is closed, the server is asked to stop, and the
   * partial answer stays with status `partial`; `status` goes back to `idle`, not `error`.
   * Before `session_created`, it waits (briefly) for the session so that it can stop it there;
   * if the request never got through, the conversation goes back to `ephemeral`.
   * Resolves once the server has been asked.
   */
  async stop(): Promise<void> {
    const turn = this.#turn;
    if (!turn) return;
    if (this.#sessionId !== null) {
      this.#interrupt(turn);
    } else if (turn.phase === 'backoff') {
      this.#abandon(turn);
    } else {
      turn.stopRequested = true;
      const timer = setTimeout(() => this.#abandon(turn), stopWaitMilliseconds);
      await turn.settled;
      clearTimeout(timer);
    }
    await turn.stopRequest;
  }

  /**
   * Loads the stored history (and the current title) of a persistent conversation, replacing
   * {@link messages} unless a turn is running. Rejects with a {@link ChatError}, such as
   * `not_found` for a conversation that does not exist or belongs to someone else.
   */
  async load(options: { signal?: AbortSignal } = {}): Promise<void> {
    const sessionId = this.#sessionId;
    if (sessionId === null) return;
    const detail = await this.#context.transport.loadSession(sessionId, options);
    const { session } = detail;
    this.#modelId = session.model_id;
    if (this.#title !== session.title) {
      this.#title = session.title;
      this.emit('title', { sessionId, title: session.title });
    }
    // A title generated after the stream closed reaches the sidebar this way.
    if (this.#context.sessions.get(session.id)) this.#context.sessions.upsert(session);
    if (this.#turn) return;
    this.#setMessages(detail.messages);
    const last = detail.messages.at(-1);
    const question = detail.messages.at(-2);
    if (last?.role !== 'assistant' || question?.role !== 'user') return;
    // Opened while its answer is being written (a reload, another tab or device): follow it live.
    if (last.status === 'streaming') void this.#attach(question, last);
    if (last.status === 'interrupted') {
      this.#error = interruptedError();
      this.#failedText = question.content;
      this.#setStatus('error');
    }
  }

  /** Follows an answer that was already being written when the conversation was loaded. */
  async #attach(question: Message, answer: Message): Promise<void> {
    const turn = this.#newTurn(question.content, question.id, answer.id);
    turn.phase = 'reading';
    this.#setStatus('streaming');
    try {
      await this.#read(turn);
    } catch (error) {
      this.#fail(turn, toChatError(error, turn.controller.signal));
    }
  }

  #newTurn(text: string, userMessageId: string, answerId: string): Turn {
    const turn = createTurn(text, userMessageId, answerId);
    this.#turn = turn;
    this.#error = null;
    this.#failedText = null;
    return turn;
  }

  async #runTurn(text: string): Promise<void> {
    const created_at = now();
    const turn = this.#newTurn(text, `local-${createId()}`, `local-${createId()}`);
    const creating = this.#sessionId === null;
    this.#setMessages([
      ...this.#messages.filter((message) => !this.#rejected.has(message.id)),
      { id: turn.userMessageId, role: 'user', content: text, tool_calls: [], status: 'complete', created_at },
      { id: turn.answerId, role: 'assistant', content: '', tool_calls: [], status: 'streaming', created_at },
    ]);
    this.#rejected.clear();
    this.#setStatus(creating ? 'creating' : 'streaming');
    try {
      if (creating) await this.#streamNew(turn, text);
      else await this.#streamSession(turn, text);
    } catch (error) {
      if (turn.stopRequested && this.#sessionId === null) this.#abandon(turn);
      else this.#fail(turn, toChatError(error, turn.controller.signal));
    }
  }

  async #streamNew(turn: Turn, text: string): Promise<void> {
    const pending = this.#pendingCreation?.text === text ? this.#pendingCreation : { key: createId(), text };
    this.#pendingCreation = pending;
    // Safe to repeat: the same key makes the server answer with the session it may have made.
    await withNetworkRetries(
      () => {
        turn.phase = 'requesting';
        const modelId = this.#modelId;
        return this.#read(turn, (options) =>
          this.#context.transport.startTurn({ message: text, modelId, idempotencyKey: pending.key }, options),
        );
      },
      {
        retry: this.#context.retry,
        signal: turn.controller.signal,
        mayRetry: () => this.#sessionId === null && !turn.stopRequested,
        backoff: () => {
          turn.phase = 'backoff';
        },
      },
    );
  }

  #streamSession(turn: Turn, text: string): Promise<void> {
    const sessionId = this.#sessionId!;
    // A new message moves the conversation to the top of the sidebar, as the server will.
    this.#context.sessions.update(sessionId, { updated_at: now() });
    return this.#read(turn, (options) =>
      this.#context.transport.continueTurn({ sessionId, message: text, idempotencyKey: createId() }, options),
    );
  }

  /**
   * Opens one turn's events through the transport (or, without `open`, resumes the running answer)
   * and handles them until the last one, resuming after every cut once the session exists.
   */
  async #read(turn: Turn, open?: (options: StreamCallOptions) => Promise<AsyncIterable<TransportEvent>>) {
    const result = await followAnswer({
      open,
      opened: () => {
        turn.phase = 'reading';
      },
      resume: (lastEventId, options) =>
        this.#context.transport.resumeTurn({ sessionId: this.#sessionId!, lastEventId }, options),
      canResume: () => this.#sessionId !== null,
      apply: ({ event }) => {
        if (!turn.finished) this.#handle(turn, event);
        return turn.finished;
      },
      restart: () => this.#updateAnswer(turn, (answer) => ({ ...answer, content: '', tool_calls: [] })),
      reconnecting: (active) => this.#setStatus(active ? 'reconnecting' : 'streaming'),
      signal: turn.controller.signal,
      options: this.#context.reconnect,
    });
    if (result === 'ended') await this.#settleFromSaved(turn);
  }

  /** The answer ended while no connection was open: take it as the server saved it. */
  async #settleFromSaved(turn: Turn): Promise<void> {
    const { signal } = turn.controller;
    const detail = await this.#context.transport.loadSession(this.#sessionId!, { signal });
    const saved = detail.messages.findLast((message) => message.role === 'assistant');
    if (turn.finished) return;
    if (!saved || saved.status === 'streaming') {
      throw new ChatError({
        code: 'network_error',
        message: 'The answer could not be followed.',
        retryable: true,
      });
    }
    if (saved.status === 'complete' || saved.status === 'partial') {
      const message = this.#finish(turn, 'idle', saved);
      const finishReason = saved.status === 'partial' ? 'stopped' : 'stop';
      this.emit('done', { messageId: saved.id, finishReason, message });
      return;
    }
    this.#updateAnswer(turn, () => saved);
    this.#fail(turn, savedAnswerError(saved.status));
  }

  #handle(turn: Turn, event: StreamEvent): void {
    switch (event.type) {
      case 'session_created':
        this.#sessionCreated(turn, event.session_id, event.model_id, event.title);
        break;
      case 'token': {
        const message = this.#updateAnswer(turn, (answer) => withToken(answer, event.content));
        this.emit('token', { content: event.content, message });
        break;
      }
      case 'tool':
        this.#tool(turn, event);
        break;
      case 'title':
        // The store has the session since `session_created`; `#followSession` takes the title from it.
        this.#context.sessions.update(event.session_id, { title: event.title });
        break;
      case 'done': {
        const status = event.finish_reason === 'stopped' ? 'partial' : 'complete';
        const message = this.#finish(turn, 'idle', { id: event.message_id, status });
        this.emit('done', { messageId: event.message_id, finishReason: event.finish_reason, message });
        break;
      }
      case 'error':
        this.#fail(turn, streamError(event));
    }
  }

  #sessionCreated(turn: Turn, sessionId: string, modelId: string | null, title: string): void {
    // A replay after an idempotent retry repeats it: the conversation already has its id.
    if (this.#sessionId !== null) return;
    this.#pendingCreation = null;
    this.#sessionId = sessionId;
    this.#modelId = modelId;
    this.#title = title;
    const created_at = now();
    // The sidebar first, in this same task: it shows the conversation in the frame the URL changes.
    this.#context.sessions.upsert({
      id: sessionId,
      model_id: modelId,
      title,
      is_active: true,
      created_at,
      updated_at: created_at,
    });
    this.#context.created(this);
    this.#followSession();
    this.#setStatus('streaming');
    this.emit('session-created', { sessionId, modelId, title });
    this.emit('conversation-created', { sessionId, modelId });
    if (turn.stopRequested) this.#interrupt(turn);
  }

  #tool(turn: Turn, event: ToolEvent): void {
    let toolCall!: ToolCall;
    const message = this.#updateAnswer(turn, (answer) => {
      const applied = withToolEvent(answer, event);
      toolCall = applied.toolCall;
      return applied.answer;
    });
    this.emit('tool', { toolCall, message });
  }

  #fail(turn: Turn, error: ChatError): void {
    if (turn.finished) return;
    this.#error = error;
    this.#failedText = turn.text;
    // Nothing of this turn was stored when it failed before the server took it on.
    if (this.#sessionId === null || turn.phase !== 'reading') {
      this.#rejected.add(turn.userMessageId).add(turn.answerId);
      this.#messages = this.#messages.map((message) =>
        message.id === turn.userMessageId ? { ...message, status: 'error' } : message,
      );
    }
    const status = error.code === 'interrupted' ? 'interrupted' : 'error';
    const message = this.#finish(turn, 'error', { status });
    this.emit('error', { error, message });
  }

  /** Stops a turn of a stored conversation, keeping what was written. */
  #interrupt(turn: Turn): void {
    if (turn.finished) return;
    // Best effort: if it fails, the server finishes the answer and the next load shows all of it.
    turn.stopRequest = this.#context.transport.stopTurn(this.#sessionId!).catch(() => {});
    turn.controller.abort();
    const message = this.#finish(turn, 'idle', { status: 'partial' });
    this.emit('done', { messageId: message.id, finishReason: 'stopped', message });
  }

  /** Ends the turn of a conversation deleted meanwhile: its answer is gone with it. */
  #abandonDeleted(turn: Turn): void {
    turn.controller.abort();
    this.#finish(turn, 'idle', { status: 'partial' });
  }

  /** Gives up a first message that has no session: back to ephemeral, as if it was never sent. */
  #abandon(turn: Turn): void {
    if (turn.finished) return;
    this.#endTurn(turn);
    turn.controller.abort();
    this.#setMessages(
      this.#messages.filter((message) => message.id !== turn.userMessageId && message.id !== turn.answerId),
    );
    this.#setStatus('ephemeral');
  }

  /** Takes renames (here or in another tab) and fetched titles from the sidebar's store. */
  #followSession(): void {
    this.#context.sessions.subscribe(() => {
      const session = this.#context.sessions.get(this.#sessionId!);
      if (!session && !this.#deleted && this.#context.sessions.wasRemoved(this.#sessionId!)) {
        // Deleted here, in another tab or on another device: nothing more can be sent to it.
        this.#deleted = true;
        if (this.#turn) this.#abandonDeleted(this.#turn);
        this.emit('deleted', { sessionId: this.#sessionId! });
        return;
      }
      if (!session || session.title === this.#title) return;
      this.#title = session.title;
      this.emit('title', { sessionId: session.id, title: session.title });
    });
  }

  /** Ends a turn: its answer takes `changes`, then `status` changes. Returns the final answer. */
  #finish(turn: Turn, status: ConversationStatus, changes: Partial<ChatMessage>): ChatMessage {
    this.#endTurn(turn);
    const message = this.#updateAnswer(turn, (answer) => ({ ...answer, ...changes }));
    this.#setStatus(status);
    return message;
  }

  #endTurn(turn: Turn): void {
    if (this.#turn === turn) this.#turn = null;
    settleTurn(turn);
  }

  /** Replaces the turn's assistant message with `update(message)` and returns the new one. */
  #updateAnswer(turn: Turn, update: (message: ChatMessage) => ChatMessage): ChatMessage {
    // The answer is added when the turn starts and stays until it ends; it is almost always last.
    const index = this.#messages.findLastIndex((message) => message.id === turn.answerId);
    const answer = update(this.#messages[index]!);
    turn.answerId = answer.id;
    this.#setMessages(this.#messages.with(index, answer));
    return answer;
  }

  #setMessages(messages: readonly ChatMessage[]): void {
    this.#messages = messages;
    this.emit('messages-change', { messages });
  }

  /** Changes `status` and tells listeners, after every other field of the change is set. */
  #setStatus(status: ConversationStatus): void {
    const previous = this.#status;
    this.#status = status;
    if (previous !== status) this.emit('state-change', { status, previous });
  }
}
