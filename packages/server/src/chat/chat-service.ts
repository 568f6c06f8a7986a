import { DEFAULT_SESSION_TITLE, type Message, type SessionCreatedEvent } from '@parley/sdk/protocol';
import type { ConversationRepository } from '../db/conversation-repository';
import { newId } from '../db/ids';
import { ApiError } from '../errors/api-error';
import type { ModelRegistry } from '../models/model-registry';
import type { ModelConfig } from '../models/types';
import type { ProviderMessage } from '../providers/types';
import { ActiveTurn } from '../streams/active-turn';
import type { ActiveTurns } from '../streams/active-turns';
import type { TurnRunner } from './turn-runner';

export interface ChatServiceOptions {
  repository: ConversationRepository;
  models: ModelRegistry;
  turns: ActiveTurns;
  runner: TurnRunner;
  maxConcurrentStreamsPerUser: number;
}

/** What stream-new gives back: the turn to attach to and the event to send first. */
export interface StartedConversation {
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
    void this.options.runner.run(turn, model, input.modelId, history);
    void this.options.runner.title(turn, model, input.message);
    return {
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
    void this.options.runner.run(turn, model, session.model_id, messages);
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
    if (turn && turn.assistantMessageId === existing.assistant?.id) return { turn, sessionCreated };
    return existing.assistant
      ? { turn: undefined, sessionCreated, savedAnswer: existing.assistant }
      : { turn: undefined, sessionCreated };
  }
}

export function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'There is no such conversation.');
}
