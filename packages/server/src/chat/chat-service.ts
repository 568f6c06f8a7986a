import { DEFAULT_SESSION_TITLE, type Message, type SessionCreatedEvent } from '@parley/sdk/protocol';
import type { ConversationRepository } from '../db/conversation-repository';
import { newId } from '../db/ids';
import { ApiError } from '../errors/api-error';
import { errorLogFields } from '../errors/error-log-fields';
import type { Logger } from '../logger';
import type { ModelRegistry } from '../models/model-registry';
import type { ModelConfig } from '../models/types';
import type { ChatProvider, ProviderMessage } from '../providers/types';
import { ActiveTurn } from '../streams/active-turn';
import type { ActiveTurns } from '../streams/active-turns';
import { generateTitle } from '../title/generate-title';
import type { ToolDefinition } from '../tools/types';
import { runTurn } from '../turn/run-turn';
import { TurnAbortedError } from '../turn/turn-aborted-error';
import { TurnFailedError } from '../turn/turn-failed-error';
import { ProviderError } from '../providers/provider-error';

export interface ChatServiceOptions {
  repository: ConversationRepository;
  provider: ChatProvider;
  models: ModelRegistry;
  turns: ActiveTurns;
  logger: Logger;
  /** The provider model name when a model config names none. */
  providerModel: string;
  /** Tools of model-specific chats (the seed's `get_model_info` first). */
  modelTools: readonly ToolDefinition[];
  maxConcurrentStreamsPerUser: number;
  maxToolRounds: number;
  titleTimeoutMs: number;
}

/** What stream-new gives back: the turn to attach to and the event to send first. */
export interface StartedConversation {
  /** False for a repeated `Idempotency-Key`: the conversation existed, nothing was created. */
  created: boolean;
  turn: ActiveTurn | undefined;
  sessionCreated: SessionCreatedEvent;
  /** For a repeated request whose turn already ended: the saved answer to replay. */
  savedAnswer?: Message;
}

/**
 * The conversation lifecycle on the server: creates sessions and turns, runs the provider
 * detached from any connection, saves the answer whatever happens, and generates titles.
 */
export class ChatService {
  constructor(private readonly options: ChatServiceOptions) {}

  /** The model of a conversation, or a 404 `unknown_model`. */
  model(modelId: string | null): ModelConfig {
    const model = this.options.models.resolve(modelId);
    if (!model) throw new ApiError(404, 'unknown_model', `There is no model "${modelId}".`);
    return model;
  }

  /** Refuses, before anything is written, a stream beyond the user's concurrent-stream cap. */
  assertStreamCapacity(userId: string): void {
    const cap = this.options.maxConcurrentStreamsPerUser;
    if (this.options.turns.countForUser(userId) >= cap) {
      throw new ApiError(
        429,
        'too_many_streams',
        `At most ${cap} answers can stream at once. Wait for one to end.`,
        {
          retryable: true,
          headers: { 'Retry-After': '1' },
        },
      );
    }
  }

  /** stream-new: one statement commits the session with its message; then the answer runs. */
  async startConversation(input: {
    userId: string;
    modelId: string | null;
    message: string;
    idempotencyKey: string | null;
  }): Promise<StartedConversation> {
    const model = this.model(input.modelId);
    const sessionId = newId();
    const userMessageId = newId();
    const assistantMessageId = newId();
    const created = await this.options.repository.createConversation({
      sessionId,
      userId: input.userId,
      modelId: input.modelId,
      title: DEFAULT_SESSION_TITLE,
      idempotencyKey: input.idempotencyKey,
      userMessageId,
      message: input.message,
      assistantMessageId,
    });
    if (!created) return this.resume(input.userId, input.idempotencyKey!, input.message);

    const turn = new ActiveTurn(sessionId, input.userId, assistantMessageId);
    this.options.turns.add(turn);
    const history: ProviderMessage[] = [{ role: 'user', content: input.message }];
    void this.run(turn, model, input.modelId, history);
    void this.title(turn, model, input.message);
    return {
      created: true,
      turn,
      sessionCreated: {
        type: 'session_created',
        session_id: sessionId,
        model_id: input.modelId,
        title: DEFAULT_SESSION_TITLE,
      },
    };
  }

  /** Whether stream-new with this key already created a conversation for the user. */
  async conversationExists(userId: string, idempotencyKey: string): Promise<boolean> {
    return (await this.options.repository.findByIdempotencyKey(userId, idempotencyKey)) !== undefined;
  }

  /** Next turn of a persistent conversation. */
  async continueConversation(input: {
    userId: string;
    sessionId: string;
    message: string;
  }): Promise<ActiveTurn> {
    const session = await this.options.repository.getSession(input.userId, input.sessionId);
    if (!session) throw notFound();
    if (this.options.turns.get(session.id)) {
      throw new ApiError(
        409,
        'turn_in_progress',
        'An answer is still being written in this conversation. Stop it or wait.',
      );
    }
    const model = this.model(session.model_id);
    const history = await this.options.repository.getMessages(session.id);
    const userMessageId = newId();
    const assistantMessageId = newId();
    const appended = await this.options.repository.appendTurn({
      sessionId: session.id,
      userId: input.userId,
      userMessageId,
      message: input.message,
      assistantMessageId,
    });
    if (!appended) throw notFound();
    const turn = new ActiveTurn(session.id, input.userId, assistantMessageId);
    this.options.turns.add(turn);
    const messages: ProviderMessage[] = history
      .filter((message) => message.content.length > 0)
      .map((message) => ({ role: message.role, content: message.content }));
    messages.push({ role: 'user', content: input.message });
    void this.run(turn, model, session.model_id, messages);
    return turn;
  }

  /** Stops the answer being written in a session, keeping what was written. */
  async stop(userId: string, sessionId: string): Promise<boolean> {
    const session = await this.options.repository.getSession(userId, sessionId);
    if (!session) throw notFound();
    const turn = this.options.turns.get(sessionId);
    if (!turn || turn.final) return false;
    turn.controller.abort('stopped');
    await turn.finished;
    return true;
  }

  /** A repeated stream-new: the same session, never a second one. */
  private async resume(userId: string, key: string, message: string): Promise<StartedConversation> {
    const existing = await this.options.repository.findByIdempotencyKey(userId, key);
    if (!existing)
      throw new ApiError(409, 'idempotency_conflict', 'This Idempotency-Key is being used. Retry.');
    if (existing.firstMessage !== message) {
      throw new ApiError(
        422,
        'idempotency_conflict',
        'This Idempotency-Key was used with another message. Use a new key.',
      );
    }
    const { session } = existing;
    const sessionCreated: SessionCreatedEvent = {
      type: 'session_created',
      session_id: session.id,
      model_id: session.model_id,
      title: session.title,
    };
    const turn = this.options.turns.get(session.id);
    if (turn && turn.assistantMessageId === existing.assistant?.id) {
      return { created: false, turn, sessionCreated };
    }
    return existing.assistant
      ? { created: false, turn: undefined, sessionCreated, savedAnswer: existing.assistant }
      : { created: false, turn: undefined, sessionCreated };
  }

  private async run(
    turn: ActiveTurn,
    model: ModelConfig,
    modelId: string | null,
    history: ProviderMessage[],
  ): Promise<void> {
    const { logger } = this.options;
    const messages: ProviderMessage[] = model.systemPrompt
      ? [{ role: 'system', content: model.systemPrompt }, ...history]
      : history;
    const tools =
      modelId === null ? (model.tools ?? []) : [...this.options.modelTools, ...(model.tools ?? [])];
    let status: Message['status'] = 'complete';
    let text = '';
    let toolCalls = [...turn.toolCalls.values()];
    let last: Parameters<ActiveTurn['finish']>[0];
    try {
      const result = await runTurn({
        provider: this.options.provider,
        model: model.providerModel ?? this.options.providerModel,
        messages,
        tools,
        toolContext: {
          userId: turn.userId,
          sessionId: turn.sessionId,
          modelId,
          signal: turn.controller.signal,
        },
        signal: turn.controller.signal,
        maxToolRounds: this.options.maxToolRounds,
        onText: (delta) => turn.pushText(delta),
        onTool: (event) => turn.pushTool(event),
      });
      text = result.text;
      toolCalls = result.toolCalls;
      last = { type: 'done', message_id: turn.assistantMessageId, finish_reason: result.finishReason };
    } catch (error) {
      const partial =
        error instanceof TurnAbortedError || error instanceof TurnFailedError ? error.partial : undefined;
      text = partial?.text ?? turn.text;
      toolCalls = partial?.toolCalls ?? [...turn.toolCalls.values()];
      if (error instanceof TurnAbortedError) {
        status = 'partial';
        last = { type: 'done', message_id: turn.assistantMessageId, finish_reason: 'stopped' };
      } else {
        status = 'error';
        const failure = error instanceof TurnFailedError ? error : undefined;
        const cause = failure?.cause;
        if (ProviderError.isInstance(cause)) {
          logger.warn('provider failed', { session: turn.sessionId, code: cause.code, status: cause.status });
        } else {
          logger.error('turn failed', { session: turn.sessionId, ...errorLogFields(cause ?? error) });
        }
        last = {
          type: 'error',
          // Provider messages are written for users; anything else is masked (it may hold internals).
          error: ProviderError.isInstance(cause)
            ? cause.message
            : 'The answer could not be completed. Try again.',
          code: 'provider_error',
          retryable: failure?.retryable ?? true,
        };
      }
    }
    try {
      await this.saveWithRetry(turn.assistantMessageId, text, toolCalls, status);
    } catch (error) {
      logger.error('saving the answer failed', { session: turn.sessionId, ...errorLogFields(error) });
      last = {
        type: 'error',
        error: 'The answer could not be saved. Try again.',
        code: 'database_unavailable',
        retryable: true,
      };
    }
    turn.finish(last);
  }

  /** A database that restarts mid-answer gets a few chances before the answer is lost. */
  private async saveWithRetry(
    messageId: string,
    text: string,
    toolCalls: Parameters<ConversationRepository['finishMessage']>[2],
    status: Message['status'],
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.repository.finishMessage(messageId, text, toolCalls, status);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
      }
    }
  }

  /** Runs beside the answer, never before `done`: a `title` event if the stream is still open. */
  private async title(turn: ActiveTurn, model: ModelConfig, userMessage: string): Promise<void> {
    try {
      const title = await generateTitle({
        provider: this.options.provider,
        model: model.providerModel ?? this.options.providerModel,
        userMessage,
        assistantText: '',
        signal: AbortSignal.timeout(this.options.titleTimeoutMs + 1_000),
        timeoutMs: this.options.titleTimeoutMs,
      });
      const stored = await this.options.repository.setGeneratedTitle(
        turn.sessionId,
        title,
        DEFAULT_SESSION_TITLE,
      );
      if (stored) turn.pushTitle(title);
    } catch (error) {
      this.options.logger.warn('title not stored', { session: turn.sessionId, ...errorLogFields(error) });
    }
  }
}

export function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'There is no such conversation.');
}
