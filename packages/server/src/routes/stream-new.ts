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

const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

/** `POST /api/chat/stream-new`: the first message of an ephemeral conversation. */
export function streamNewRoutes(deps: {
  chat: ChatService;
  newConversations: RateLimiter;
  heartbeat: Heartbeat;
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
      deps.chat.assertStreamCapacity(user.id);
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
        else replaySavedTurn(sink, started.sessionCreated, started.savedAnswer);
      });
    });
}
