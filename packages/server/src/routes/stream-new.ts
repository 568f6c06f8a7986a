import { Hono } from 'hono';
import { MAX_IDEMPOTENCY_KEY_LENGTH, streamNewRequestSchema } from '@parley/sdk/protocol';
import type { AppEnv } from '../app-env';
import type { ChatService, StartedConversation } from '../chat/chat-service';
import { ApiError } from '../errors/api-error';
import { readJsonBody } from '../http/read-json-body';
import { type RateLimiter, type RateLimitGrant, refundQuietly } from '../rate-limit/rate-limiter';
import type { Heartbeat } from '../streams/heartbeat';
import { openSse } from '../streams/open-sse';
import { replaySavedTurn } from '../streams/replay-saved-turn';
import { sseFrame } from '../streams/sse-frame';
import type { SseSink } from '../streams/sse-sink';
import { eventId } from '../turn-log/event-id';

/** Sends an answer's log after `afterSeq` to `sink`, then follows it to its end. */
export type FollowAnswer = (sink: SseSink, messageId: string, afterSeq: number) => Promise<void>;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

/** `POST /api/chat/stream-new`: the first message of an ephemeral conversation. */
export function streamNewRoutes(deps: {
  chat: ChatService;
  newConversations: RateLimiter;
  heartbeat: Heartbeat;
  follow: FollowAnswer;
}) {
  return new Hono<AppEnv>()
    .get('/', () => {
      throw new ApiError(
        405,
        'use_post',
        'Use POST with a JSON body: a GET must not create a conversation.',
        {
          headers: { Allow: 'POST' },
        },
      );
    })
    .post('/', async (c) => {
      const user = c.get('user');
      const body = await readJsonBody(c, streamNewRequestSchema);
      const modelId = body.model_id ?? null;
      deps.chat.model(modelId);
      const idempotencyKey = c.req.header('idempotency-key') ?? null;
      if (
        idempotencyKey !== null &&
        (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH || !IDEMPOTENCY_KEY.test(idempotencyKey))
      ) {
        throw new ApiError(
          400,
          'validation_error',
          `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters.`,
        );
      }
      // Only a request that creates a conversation spends the budget: validation and the stream
      // cap come first, and a replay of an existing conversation gives its place back.
      let grant: RateLimitGrant | undefined;
      try {
        grant = await deps.newConversations.admit(user.id);
        for (const [name, value] of Object.entries(grant.headers)) c.header(name, value);
      } catch (error) {
        // A retry of a conversation that exists creates nothing: it must still learn its id.
        if (!(idempotencyKey && (await deps.chat.conversationExists(user.id, idempotencyKey)))) throw error;
      }
      let started: StartedConversation;
      try {
        started = await deps.chat.startConversation({
          userId: user.id,
          modelId,
          message: body.message,
          idempotencyKey,
        });
      } catch (error) {
        await refundQuietly(grant);
        throw error;
      }
      if (!started.created) await refundQuietly(grant);
      return openSse(c, deps.heartbeat, (sink) => {
        if (started.turn) started.turn.attach(sink, started.sessionCreated);
        else if (started.follow) {
          // A retry joins the same answer through its log, from the start.
          sink.write(sseFrame(eventId(started.follow, 0), started.sessionCreated));
          void deps.follow(sink, started.follow, 0);
        } else replaySavedTurn(sink, started.sessionCreated, started.savedAnswer);
      });
    });
}
