import { DEFAULT_SESSION_TITLE, type Message, type SessionCreatedEvent } from '@parley/sdk/protocol';
import type { ConversationRepository, TurnOwner } from '../db/conversation-repository';
import { newId } from '../db/ids';
import type { TurnLogRepository } from '../db/turn-log-repository';
import type { UserEventsRepository } from '../db/user-events-repository';
import { ApiError } from '../errors/api-error';
import type { ModelRegistry } from '../models/model-registry';
import type { ModelConfig } from '../models/types';
import type { ProviderMessage } from '../providers/types';
import { ActiveTurn } from '../streams/active-turn';
import type { ActiveTurns } from '../streams/active-turns';
import { type TurnLogContext, TurnLogWriter } from '../turn-log/turn-log-writer';
import { DATABASE_UNREACHABLE_EVENT } from '../turn-log/final-events';
import type { TurnWakeups } from '../turn-log/turn-wakeups';
import type { TurnRunner } from './turn-runner';

export interface ChatServiceOptions {
  repository: ConversationRepository;
  turnLog: TurnLogRepository;
  userEvents: UserEventsRepository;
  models: ModelRegistry;
  turns: ActiveTurns;
  runner: TurnRunner;
  wakeups: TurnWakeups;
  /** How this instance writes the logs of the answers it runs (owner id, lease, batching). */
  log: Omit<TurnLogContext, 'onWritten' | 'onLost'>;
  maxConcurrentStreamsPerUser: number;
  /** How long `stop` waits for an answer running on another instance to end. */
  stopWaitMs: number;
}

/** What stream-new gives back: the turn to attach to and the event to send first. */
export interface StartedConversation {
  /** False for a repeated `Idempotency-Key`: the conversation existed, nothing was created. */
  created: boolean;
  turn: ActiveTurn | undefined;
  sessionCreated: SessionCreatedEvent;
  /** For a repeated request: the answer's log to follow from its start. */
  follow?: string;
  /** For a repeated request whose log is gone: the saved answer to replay. */
  savedAnswer?: Message;
}

/**
 * The conversation lifecycle on the server: creates sessions and turns (the caps are held by
 * the database, across instances), starts the answer detached from any connection, and stops it.
 */
export class ChatService {
  constructor(private readonly options: ChatServiceOptions) {}

  /** The model of a conversation, or a 404 `unknown_model`. */
  model(modelId: string | null): ModelConfig {
    const model = this.options.models.resolve(modelId);
    if (!model) throw new ApiError(404, 'unknown_model', `There is no model "${modelId}".`);
    return model;
  }

  /** stream-new: one transaction commits the session with its message; then the answer runs. */
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
    const created = await this.options.repository.createConversation(
      {
        sessionId,
        userId: input.userId,
        modelId: input.modelId,
        title: DEFAULT_SESSION_TITLE,
        idempotencyKey: input.idempotencyKey,
        userMessageId,
        message: input.message,
        assistantMessageId,
      },
      this.owner(),
    );
    if (created === 'existed') return this.resume(input.userId, input.idempotencyKey!, input.message);
    if (created === 'capped') throw this.capped();

    const turn = this.track(new ActiveTurn(sessionId, input.userId, assistantMessageId));
    void this.options.userEvents
      .record(input.userId, {
        type: 'session_created',
        session_id: sessionId,
        model_id: input.modelId,
        title: DEFAULT_SESSION_TITLE,
      })
      .catch(() => {});
    const history: ProviderMessage[] = [{ role: 'user', content: input.message }];
    void this.options.runner.run(turn, model, input.modelId, history);
    void this.options.runner.title(turn, model, input.message);
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
    const model = this.model(session.model_id);
    const history = await this.options.repository.getMessages(session.id);
    const userMessageId = newId();
    const assistantMessageId = newId();
    const appended = await this.options.repository.appendTurn(
      {
        sessionId: session.id,
        userId: input.userId,
        userMessageId,
        message: input.message,
        assistantMessageId,
      },
      this.owner(),
    );
    if (appended === 'not_found') throw notFound();
    if (appended === 'capped') throw this.capped();
    if (appended === 'busy') {
      throw new ApiError(
        409,
        'turn_in_progress',
        'An answer is still being written in this conversation. Stop it or wait.',
      );
    }
    const turn = this.track(new ActiveTurn(session.id, input.userId, assistantMessageId));
    const messages: ProviderMessage[] = history
      .filter((message) => message.content.length > 0)
      .map((message) => ({ role: message.role, content: message.content }));
    messages.push({ role: 'user', content: input.message });
    void this.options.runner.run(turn, model, session.model_id, messages);
    return turn;
  }

  /**
   * Stops the answer being written in a session, on whichever instance runs it, keeping what
   * was written: the flag is set in the database and the owner is told by NOTIFY.
   */
  async stop(userId: string, sessionId: string): Promise<boolean> {
    const session = await this.options.repository.getSession(userId, sessionId);
    if (!session) throw notFound();
    const requested = await this.options.turnLog.requestStop(userId, sessionId);
    const local = this.options.turns.get(sessionId);
    if (local && !local.final) {
      local.controller.abort('stopped');
      await local.finished;
      return true;
    }
    if (!requested) return false;
    await this.waitUntilFinished(requested.messageId);
    return true;
  }

  /** A repeated stream-new: the same session, never a second one, and the same answer. */
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
    const answer = existing.assistant;
    if (answer && (await this.options.turnLog.state(answer.id))) {
      return { created: false, turn: undefined, sessionCreated, follow: answer.id };
    }
    return answer
      ? { created: false, turn: undefined, sessionCreated, savedAnswer: answer }
      : { created: false, turn: undefined, sessionCreated };
  }

  private track(turn: ActiveTurn): ActiveTurn {
    const { wakeups } = this.options;
    turn.log = new TurnLogWriter(turn.assistantMessageId, {
      ...this.options.log,
      onWritten: (messageId) => wakeups.notify(messageId),
      onLost: () => turn.controller.abort('lost'),
      onUnreachable: () => turn.detachAll(DATABASE_UNREACHABLE_EVENT),
    });
    this.options.turns.add(turn);
    return turn;
  }

  private owner(): TurnOwner {
    return {
      owner: this.options.log.owner,
      leaseMs: this.options.log.leaseMs,
      maxRunning: this.options.maxConcurrentStreamsPerUser,
    };
  }

  private capped(): ApiError {
    const cap = this.options.maxConcurrentStreamsPerUser;
    return new ApiError(
      429,
      'too_many_streams',
      `At most ${cap} answers can stream at once. Wait for one to end.`,
      {
        retryable: true,
        headers: { 'Retry-After': '1' },
      },
    );
  }

  private async waitUntilFinished(messageId: string): Promise<void> {
    const { wakeups, turnLog, stopWaitMs } = this.options;
    const giveUpAt = Date.now() + stopWaitMs;
    while (Date.now() < giveUpAt) {
      const state = await turnLog.state(messageId);
      if (!state || state.finished) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 250);
        const unsubscribe = wakeups.subscribe(messageId, done);
        function done() {
          clearTimeout(timer);
          unsubscribe();
          resolve();
        }
      });
    }
  }
}

export function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'There is no such conversation.');
}
