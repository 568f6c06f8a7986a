import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { AppEnv } from './app-env';
import { type Authenticate, jwtAuthenticator } from './auth/authenticator';
import { ChatService } from './chat/chat-service';
import { TurnRunner } from './chat/turn-runner';
import { ConversationRepository } from './db/conversation-repository';
import type { ChatDatabase } from './db/open-database';
import { ApiError } from './errors/api-error';
import { errorLogFields } from './errors/error-log-fields';
import type { TrustProxy } from './http/client-address';
import { createJsonLogger, type Logger } from './logger';
import { authenticate } from './middleware/authenticate';
import { rejectTokenInUrl } from './middleware/reject-token-in-url';
import { requestLog } from './middleware/request-log';
import { DEFAULT_MODEL, SAMPLE_MODELS } from './models/demo-models';
import { ModelRegistry } from './models/model-registry';
import type { ModelConfig } from './models/types';
import { createDemoProvider } from './providers/demo';
import type { ChatProvider } from './providers/types';
import { MemoryRateLimitStore } from './rate-limit/memory-store';
import { PostgresRateLimitStore } from './rate-limit/postgres-store';
import type { RateLimitStore } from './rate-limit/rate-limit-store';
import { RateLimiter } from './rate-limit/rate-limiter';
import { guestRoutes, guestsDisabled } from './routes/guest';
import { embedRoutes } from './routes/embed';
import { healthRoutes } from './routes/health';
import { modelRoutes } from './routes/models';
import { sessionRoutes } from './routes/sessions';
import { streamNewRoutes } from './routes/stream-new';
import { ActiveTurns } from './streams/active-turns';
import { Heartbeat } from './streams/heartbeat';
import type { SseSink } from './streams/sse-sink';
import { TurnLogRepository } from './db/turn-log-repository';
import { UserEventsRepository } from './db/user-events-repository';
import { openSse } from './streams/open-sse';
import { followUserEvents } from './turn-log/follow-user-events';
import { followLog } from './turn-log/follow-log';
import { TurnLeases } from './turn-log/turn-leases';
import { TurnWakeups } from './turn-log/turn-wakeups';
import { createGetModelInfoTool } from './tools/get-model-info';
import type { ToolDefinition } from './tools/types';

export interface ChatServerOptions {
  /** From `openDatabase()`: postgres.js or PGlite, migrated. */
  database: ChatDatabase;
  /** The model provider; the offline demo provider when omitted. */
  provider?: ChatProvider;
  /** The provider's model name for models that name none (`CHAT_MODEL`). */
  providerModel?: string;
  /** The general chat's model. */
  defaultModel?: ModelConfig;
  /** The models users can pick (`/m/{modelId}`); sample models when omitted. */
  models?: readonly ModelConfig[];
  /** Extra tools offered in model-specific chats, after the seed's `get_model_info`. */
  tools?: readonly ToolDefinition[];
  auth: {
    /** Verifies HS256 JWTs whose `sub` is the user id. */
    jwtSecret?: string;
    /** Your own authentication instead of (or besides, tried first) the JWT check. */
    authenticate?: Authenticate;
    /** `POST /api/auth/guest` for anonymous visitors; needs `jwtSecret`. */
    guests?: boolean;
    guestTokenTtlSeconds?: number;
    /**
     * Behind reverse proxies you run: the visitor's address (guest limits) is the one the nearest
     * untrusted hop in `X-Forwarded-For` gave. `true` or a number of proxy hops, or the proxies'
     * addresses and CIDRs (`['10.0.0.0/8', 'fd00::/8']`).
     */
    trustProxy?: TrustProxy;
  };
  /** Origins allowed to call the API from a browser (`*` for any). */
  corsOrigins?: readonly string[];
  rateLimit?: {
    /** `memory` (one instance) or `postgres` (shared by instances), or your own store. */
    store?: 'memory' | 'postgres' | RateLimitStore;
    /** The seed's limit: 10 new conversations per minute per user. */
    newConversationsPerMinute?: number;
    messagesPerMinute?: number;
    guestTokensPerMinute?: number;
  };
  maxConcurrentStreamsPerUser?: number;
  /**
   * The folder of the built embed (`embed.js` and its chunks), served at `/embed.js` for
   * `<script type="module">` tags on any origin. Default: the installed `@parley/elements`'s;
   * `null` serves none (`/embed.js` is then a 404).
   */
  embedDirectory?: string | null;
  /** The turn log of running answers, their leases and how long finished logs are kept. */
  turnLog?: TurnLogOptions;
  maxToolRounds?: number;
  titleTimeoutMs?: number;
  heartbeatMs?: number;
  logger?: Logger;
  /** Epoch milliseconds for rate limits; `Date.now` when omitted (tests pass a fake clock). */
  clock?: () => number;
}

export interface TurnLogOptions {
  /** A batch of events is written at most this long after its first event (default 100). */
  flushMs?: number;
  /** …or once its text reaches this many characters (default 4096). */
  flushChars?: number;
  /** A dead instance's answers are interrupted after about this long (default 6000). */
  leaseMs?: number;
  /** How long a reader waits for a wake-up before it looks at the log again (default 1000). */
  pollMs?: number;
  /** How long a finished answer's log is kept for resuming (default 10 minutes). */
  retentionMs?: number;
  /** This instance's id in lease rows (default: host, process and a random part). */
  instanceId?: string;
}

/** The Hono app, plus a graceful `shutdown` that lets running answers be saved. */
export type ChatServer = Hono<AppEnv> & {
  /**
   * Refuses every new request from now on (503 `shutting_down`, `Connection: close`; `/healthz`
   * still answers), then waits for the running answers to be saved. `abort` stops them first.
   */
  shutdown(options?: { abort?: boolean }): Promise<void>;
  readonly activeTurns: ActiveTurns;
};

/**
 * Creates the Parley reference server as a Hono app.
 *
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL });
 * const app = createChatServer({ database, auth: { jwtSecret: process.env.AUTH_JWT_SECRET } });
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createChatServer(options: ChatServerOptions): ChatServer {
  const logger = options.logger ?? createJsonLogger();
  const repository = new ConversationRepository(options.database);
  const models = new ModelRegistry(options.defaultModel ?? DEFAULT_MODEL, options.models ?? SAMPLE_MODELS);
  const turns = new ActiveTurns();
  const turnLogOptions = options.turnLog ?? {};
  const turnLog = new TurnLogRepository(options.database);
  const userEvents = new UserEventsRepository(options.database);
  const wakeups = new TurnWakeups();
  const owner = turnLogOptions.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const leaseMs = turnLogOptions.leaseMs ?? 6_000;
  const pollMs = turnLogOptions.pollMs ?? 1_000;
  const leases = new TurnLeases({
    database: options.database,
    repository: turnLog,
    userEvents,
    turns,
    wakeups,
    logger,
    owner,
    leaseMs,
    retentionMs: turnLogOptions.retentionMs ?? 10 * 60_000,
  });
  const follow = (sink: SseSink, messageId: string, afterSeq: number) =>
    followLog(sink, { repository: turnLog, wakeups, messageId, afterSeq, pollMs });
  const heartbeat = new Heartbeat(options.heartbeatMs);
  const store = rateLimitStore(options);
  const limits = options.rateLimit ?? {};
  const minute = 60_000;
  const clock = options.clock ?? Date.now;
  const newConversations = new RateLimiter(
    store,
    { name: 'new-conversations', limit: limits.newConversationsPerMinute ?? 10, windowMs: minute },
    clock,
  );
  const messages = new RateLimiter(
    store,
    { name: 'messages', limit: limits.messagesPerMinute ?? 30, windowMs: minute },
    clock,
  );
  const runner = new TurnRunner({
    repository,
    userEvents,
    provider: options.provider ?? createDemoProvider({ delayMs: 30 }),
    logger,
    providerModel: options.providerModel ?? 'demo',
    modelTools: [createGetModelInfoTool((id) => models.resolve(id)), ...(options.tools ?? [])],
    maxToolRounds: options.maxToolRounds ?? 4,
    titleTimeoutMs: options.titleTimeoutMs ?? 8_000,
    finalWriteMs: 4_000,
    keepTailMs: 10 * 60_000,
  });
  const chat = new ChatService({
    repository,
    turnLog,
    userEvents,
    models,
    turns,
    runner,
    wakeups,
    log: {
      repository: turnLog,
      owner,
      leaseMs,
      batching: { flushMs: turnLogOptions.flushMs ?? 100, flushChars: turnLogOptions.flushChars ?? 4096 },
    },
    maxConcurrentStreamsPerUser: options.maxConcurrentStreamsPerUser ?? 3,
    stopWaitMs: leaseMs * 2,
  });

  const verify = authenticator(options.auth);
  const app = new Hono<AppEnv>();
  let draining = false;
  app.use(requestLog(logger));
  // Once a shutdown starts, nothing new is accepted (only liveness answers): a request taken
  // now would be cut when the process exits, and leave its answer `streaming`.
  app.use(async (c, next) => {
    if (draining && c.req.path !== '/healthz') {
      throw new ApiError(503, 'shutting_down', 'This server is shutting down. Try again.', {
        retryable: true,
        headers: { Connection: 'close', 'Retry-After': '1' },
      });
    }
    await next();
  });
  if (options.corsOrigins?.length) {
    const origins = [...options.corsOrigins];
    app.use(
      '/api/*',
      cors({
        origin: origins.includes('*') ? '*' : origins,
        allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'],
        exposeHeaders: ['RateLimit', 'RateLimit-Policy', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }
  app.use('/api/*', rejectTokenInUrl);
  app.route('/', healthRoutes(options.database));
  app.route('/', embedRoutes(options.embedDirectory));
  if (options.auth.guests && options.auth.jwtSecret) {
    const perIp = new RateLimiter(
      store,
      { name: 'guest-tokens', limit: limits.guestTokensPerMinute ?? 20, windowMs: minute },
      clock,
    );
    app.route(
      '/api/auth/guest',
      guestRoutes({
        secret: options.auth.jwtSecret,
        ttlSeconds: options.auth.guestTokenTtlSeconds ?? 3_600,
        perIp,
        trustProxy: options.auth.trustProxy ?? false,
      }),
    );
  } else {
    app.post('/api/auth/guest', guestsDisabled);
  }
  app.use('/api/chat/*', authenticate(verify));
  app.use('/api/models', authenticate(verify));
  app.route('/api/chat/stream-new', streamNewRoutes({ chat, newConversations, heartbeat, follow }));
  app.get('/api/chat/events', (c) => {
    // The user's sidebar changes from any instance; Last-Event-ID resumes them.
    const last = c.req.header('last-event-id');
    const afterId = last && /^\d{1,18}$/.test(last) ? last : undefined;
    return openSse(c, heartbeat, (sink) => {
      void followUserEvents(sink, {
        repository: userEvents,
        wakeups,
        userId: c.get('user').id,
        afterId,
        pollMs,
      });
    });
  });
  app.route(
    '/api/chat/sessions',
    sessionRoutes({ chat, repository, messages, heartbeat, turnLog, userEvents, follow }),
  );
  app.route('/api/models', modelRoutes(models));
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'There is nothing here.');
  });
  app.onError((error, c) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500)
      logger.error('request failed', {
        method: c.req.method,
        route: routePath(c),
        ...errorLogFields(error),
        code: apiError.code,
      });
    for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
    return c.json({ error: { code: apiError.code, message: apiError.message } }, apiError.status as 400);
  });

  // Takes over the answers of instances that died, on every instance, from now on.
  const leasesStarted = leases.start();

  return Object.assign(app, {
    activeTurns: turns,
    async shutdown({ abort = false } = {}) {
      draining = true;
      if (abort) turns.abortAll('shutdown');
      await turns.drain();
      heartbeat.stop();
      await leasesStarted;
      await leases.stop();
    },
  });
}

function authenticator(auth: ChatServerOptions['auth']): Authenticate {
  const custom = auth.authenticate;
  const jwt = auth.jwtSecret ? jwtAuthenticator(auth.jwtSecret) : undefined;
  if (!custom && !jwt) throw new Error('createChatServer needs auth.jwtSecret or auth.authenticate.');
  return async (token, request) =>
    (custom ? await custom(token, request) : undefined) ?? jwt?.(token, request);
}

function rateLimitStore(options: ChatServerOptions): RateLimitStore {
  const store = options.rateLimit?.store ?? 'memory';
  if (store === 'memory') return new MemoryRateLimitStore();
  if (store === 'postgres') return new PostgresRateLimitStore(options.database);
  return store;
}

function toApiError(error: Error): ApiError {
  if (ApiError.isInstance(error)) return error;
  if (error instanceof HTTPException) {
    return new ApiError(
      error.status,
      error.status === 413 ? 'payload_too_large' : 'validation_error',
      error.message,
    );
  }
  return new ApiError(500, 'internal_error', 'Something went wrong on the server.', { cause: error });
}
