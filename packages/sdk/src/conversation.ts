import { interruptedError, now, savedAnswerError } from './answer-updates';
import type { ConversationContext, ConversationOptions } from './conversation-context';
import { ConversationEvents } from './conversation-stream-events';
import { stopWaitMilliseconds, type Turn } from './conversation-turn';
import { createId } from './create-id';
import { ChatError, toChatError } from './errors';
import { followAnswer } from './follow-answer';
import { withNetworkRetries } from './network-retries';
import type { Message } from './protocol/resources';
import type { StreamCallOptions, TransportEvent } from './transport/chat-transport';

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
export class Conversation extends ConversationEvents {
  constructor(context: ConversationContext, options: ConversationOptions = {}) {
    super(context, options);
    if (this.state.sessionId !== null) this.followSession();
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
    if (this.state.turn) {
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
    if (this.state.failedText === null || this.state.status !== 'error') return;
    await this.#runTurn(this.state.failedText);
  }

  /**
   * Stops the answer being written: the stream is closed, the server is asked to stop, and the
   * partial answer stays with status `partial`; `status` goes back to `idle`, not `error`.
   * Before `session_created`, it waits (briefly) for the session so that it can stop it there;
   * if the request never got through, the conversation goes back to `ephemeral`.
   * Resolves once the server has been asked.
   */
  async stop(): Promise<void> {
    const turn = this.state.turn;
    if (!turn) return;
    if (this.state.sessionId !== null) {
      this.interrupt(turn);
    } else if (turn.phase === 'backoff') {
      this.abandon(turn);
    } else {
      turn.stopRequested = true;
      const timer = setTimeout(() => this.abandon(turn), stopWaitMilliseconds);
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
    const sessionId = this.state.sessionId;
    if (sessionId === null) return;
    const detail = await this.context.transport.loadSession(sessionId, options);
    const { session } = detail;
    this.state.modelId = session.model_id;
    if (this.state.title !== session.title) {
      this.state.title = session.title;
      this.emit('title', { sessionId, title: session.title });
    }
    // A title generated after the stream closed reaches the sidebar this way.
    if (this.context.sessions.get(session.id)) this.context.sessions.upsert(session);
    if (this.state.turn) return;
    this.setMessages(detail.messages);
    const last = detail.messages.at(-1);
    const question = detail.messages.at(-2);
    if (last?.role !== 'assistant' || question?.role !== 'user') return;
    // Opened while its answer is being written (a reload, another tab or device): follow it live.
    if (last.status === 'streaming') void this.#attach(question, last);
    if (last.status === 'interrupted') {
      this.state.error = interruptedError();
      this.state.failedText = question.content;
      this.setStatus('error');
    }
  }

  /** Follows an answer that was already being written when the conversation was loaded. */
  async #attach(question: Message, answer: Message): Promise<void> {
    const turn = this.newTurn(question.content, question.id, answer.id);
    turn.phase = 'reading';
    this.setStatus('streaming');
    try {
      await this.#read(turn);
    } catch (error) {
      this.fail(turn, toChatError(error, turn.controller.signal));
    }
  }
  async #runTurn(text: string): Promise<void> {
    const created_at = now();
    const turn = this.newTurn(text, `local-${createId()}`, `local-${createId()}`);
    const creating = this.state.sessionId === null;
    this.setMessages([
      ...this.state.messages.filter((message) => !this.state.rejected.has(message.id)),
      { id: turn.userMessageId, role: 'user', content: text, tool_calls: [], status: 'complete', created_at },
      { id: turn.answerId, role: 'assistant', content: '', tool_calls: [], status: 'streaming', created_at },
    ]);
    this.state.rejected.clear();
    this.setStatus(creating ? 'creating' : 'streaming');
    try {
      if (creating) await this.#streamNew(turn, text);
      else await this.#streamSession(turn, text);
    } catch (error) {
      if (turn.stopRequested && this.state.sessionId === null) this.abandon(turn);
      else this.fail(turn, toChatError(error, turn.controller.signal));
    }
  }

  async #streamNew(turn: Turn, text: string): Promise<void> {
    const pending =
      this.state.pendingCreation?.text === text ? this.state.pendingCreation : { key: createId(), text };
    this.state.pendingCreation = pending;
    // Safe to repeat: the same key makes the server answer with the session it may have made.
    await withNetworkRetries(
      () => {
        turn.phase = 'requesting';
        const modelId = this.state.modelId;
        return this.#read(turn, (options) =>
          this.context.transport.startTurn({ message: text, modelId, idempotencyKey: pending.key }, options),
        );
      },
      {
        retry: this.context.retry,
        signal: turn.controller.signal,
        mayRetry: () => this.state.sessionId === null && !turn.stopRequested,
        backoff: () => {
          turn.phase = 'backoff';
        },
      },
    );
  }

  #streamSession(turn: Turn, text: string): Promise<void> {
    const sessionId = this.state.sessionId!;
    // A new message moves the conversation to the top of the sidebar, as the server will.
    this.context.sessions.update(sessionId, { updated_at: now() });
    return this.#read(turn, (options) =>
      this.context.transport.continueTurn({ sessionId, message: text, idempotencyKey: createId() }, options),
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
        this.context.transport.resumeTurn({ sessionId: this.state.sessionId!, lastEventId }, options),
      canResume: () => this.state.sessionId !== null,
      apply: ({ event }) => {
        if (!turn.finished) this.handle(turn, event);
        return turn.finished;
      },
      restart: () => this.updateAnswer(turn, (answer) => ({ ...answer, content: '', tool_calls: [] })),
      reconnecting: (active) => this.setStatus(active ? 'reconnecting' : 'streaming'),
      signal: turn.controller.signal,
      options: this.context.reconnect,
    });
    if (result === 'ended') await this.#settleFromSaved(turn);
  }

  /** The answer ended while no connection was open: take it as the server saved it. */
  async #settleFromSaved(turn: Turn): Promise<void> {
    const { signal } = turn.controller;
    const detail = await this.context.transport.loadSession(this.state.sessionId!, { signal });
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
      const message = this.finish(turn, 'idle', saved);
      const finishReason = saved.status === 'partial' ? 'stopped' : 'stop';
      this.emit('done', { messageId: saved.id, finishReason, message });
      return;
    }
    this.updateAnswer(turn, () => saved);
    this.fail(turn, savedAnswerError(saved.status));
  }
}
