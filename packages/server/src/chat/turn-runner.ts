import { DEFAULT_SESSION_TITLE, type DoneEvent, type ErrorEvent, type ToolCall } from '@parley/sdk/protocol';
import type { ConversationRepository } from '../db/conversation-repository';
import type { UserEventsRepository } from '../db/user-events-repository';
import { errorLogFields } from '../errors/error-log-fields';
import type { Logger } from '../logger';
import type { ModelConfig } from '../models/types';
import { ProviderError } from '../providers/provider-error';
import type { ChatProvider, ProviderMessage } from '../providers/types';
import type { ActiveTurn } from '../streams/active-turn';
import { generateTitle } from '../title/generate-title';
import type { ToolDefinition } from '../tools/types';
import { runTurn } from '../turn/run-turn';
import { TurnAbortedError } from '../turn/turn-aborted-error';
import { TurnFailedError } from '../turn/turn-failed-error';
import { DATABASE_UNREACHABLE_EVENT, INTERRUPTED_EVENT } from '../turn-log/final-events';

export interface TurnRunnerOptions {
  repository: ConversationRepository;
  userEvents: UserEventsRepository;
  provider: ChatProvider;
  logger: Logger;
  /** The provider model name when a model config names none. */
  providerModel: string;
  /** Tools of model-specific chats (the seed's `get_model_info` first). */
  modelTools: readonly ToolDefinition[];
  maxToolRounds: number;
  titleTimeoutMs: number;
  /** How long the end of an answer waits for the database before telling the clients. */
  finalWriteMs: number;
  /** How long the owner keeps trying to write an answer's tail after that. */
  keepTailMs: number;
}

/**
 * Runs an answer detached from any connection: the provider and its tools, then the save
 * whatever happened, then the last event. Also generates a new conversation's title.
 */
export class TurnRunner {
  constructor(private readonly options: TurnRunnerOptions) {}

  async run(
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
    let status: 'complete' | 'partial' | 'error' = 'complete';
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
    await this.save(turn, last, status, text, toolCalls);
  }

  /**
   * Writes the last event with the rest of the log, then sends it. While the database does
   * not answer, the clients learn it within `finalWriteMs` (and that the text so far is kept up
   * to the last batch written), and this instance keeps the tail in memory and keeps trying.
   */
  private async save(
    turn: ActiveTurn,
    last: DoneEvent | ErrorEvent,
    status: 'complete' | 'partial' | 'error',
    text: string,
    toolCalls: readonly ToolCall[],
  ): Promise<void> {
    const { logger } = this.options;
    const log = turn.log;
    if (!log) {
      await this.options.repository.finishMessage(turn.assistantMessageId, text, toolCalls, status);
      turn.finish(last);
      turn.settle();
      return;
    }
    const seq = turn.closeLog();
    const outcome = await log.finish(seq, last, status, toolCalls, Date.now() + this.options.finalWriteMs);
    if (outcome === 'written') {
      turn.finish(last);
      turn.settle();
      this.statusChanged(turn, status);
      return;
    }
    if (outcome === 'lost') {
      turn.finish(INTERRUPTED_EVENT, false);
      turn.settle();
      return;
    }
    logger.error('saving the answer failed', { session: turn.sessionId });
    turn.finish(DATABASE_UNREACHABLE_EVENT, false);
    // The tail stays in memory: written when the database is back, unless another instance
    // has taken the answer over by then.
    const retried = await log.finish(seq, last, status, toolCalls, Date.now() + this.options.keepTailMs);
    if (retried === 'written') this.statusChanged(turn, status);
    else logger.error("the answer's tail was not saved", { session: turn.sessionId });
    turn.settle();
  }

  private statusChanged(turn: ActiveTurn, status: string): void {
    void this.options.userEvents
      .record(turn.userId, {
        type: 'answer_status',
        session_id: turn.sessionId,
        message_id: turn.assistantMessageId,
        status,
      })
      .catch(() => {});
  }

  /** Runs beside the answer, never before `done`: a `title` event if the stream is still open. */
  async title(turn: ActiveTurn, model: ModelConfig, userMessage: string): Promise<void> {
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
      if (stored) {
        turn.pushTitle(title);
        await this.options.userEvents.record(turn.userId, {
          type: 'session_titled',
          session_id: turn.sessionId,
          title,
        });
      }
    } catch (error) {
      this.options.logger.warn('title not stored', { session: turn.sessionId, ...errorLogFields(error) });
    }
  }
}
