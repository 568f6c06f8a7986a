import { Hono } from 'hono';
import {
  hasUnstorableCharacters,
  listSessionsQuerySchema,
  renameSessionRequestSchema,
  streamRequestSchema,
} from '@parley/sdk/protocol';
import type { AppEnv } from '../app-env';
import { type ChatService, notFound } from '../chat/chat-service';
import type { ConversationRepository, SessionCursor } from '../db/conversation-repository';
import { ApiError } from '../errors/api-error';
import { readJsonBody } from '../http/read-json-body';
import { validIdParam } from '../http/valid-id-param';
import { type RateLimiter, refundQuietly } from '../rate-limit/rate-limiter';
import type { Heartbeat } from '../streams/heartbeat';
import { openSse } from '../streams/open-sse';
import type { TurnLogRepository } from '../db/turn-log-repository';
import type { UserEventsRepository } from '../db/user-events-repository';
import { parseEventId } from '../turn-log/event-id';
import type { FollowAnswer } from './stream-new';

const DEFAULT_PAGE = 30;

/** The session endpoints. Another user's session is always a 404, never a 403. */
export function sessionRoutes(deps: {
  chat: ChatService;
  repository: ConversationRepository;
  messages: RateLimiter;
  heartbeat: Heartbeat;
  turnLog: TurnLogRepository;
  userEvents: UserEventsRepository;
  follow: FollowAnswer;
}) {
  const { chat, repository } = deps;
  return new Hono<AppEnv>()
    .use('/:id', validIdParam('id'))
    .use('/:id/*', validIdParam('id'))
    .get('/', async (c) => {
      const parsed = listSessionsQuerySchema.safeParse(c.req.query());
      if (!parsed.success) throw new ApiError(400, 'validation_error', 'Invalid model_id, limit or cursor.');
      const { model_id, limit = DEFAULT_PAGE, cursor } = parsed.data;
      const page = await repository.listSessions(c.get('user').id, {
        modelId: model_id,
        limit: limit + 1,
        cursor: cursor ? decodeCursor(cursor) : undefined,
      });
      const sessions = page.slice(0, limit);
      const last = sessions.at(-1);
      const next =
        page.length > limit && last ? encodeCursor({ updatedAt: last.updated_at, id: last.id }) : null;
      return c.json({ sessions, next_cursor: next });
    })
    .get('/:id', async (c) => {
      const session = await repository.getSession(c.get('user').id, c.req.param('id'));
      if (!session) throw notFound();
      return c.json({ session, messages: await repository.getMessages(session.id) });
    })
    .patch('/:id', async (c) => {
      const { title } = await readJsonBody(c, renameSessionRequestSchema);
      const session = await repository.renameSession(c.get('user').id, c.req.param('id'), title);
      if (!session) throw notFound();
      await deps.userEvents
        .record(c.get('user').id, { type: 'session_renamed', session_id: session.id, title: session.title })
        .catch(() => {});
      return c.json({ session });
    })
    .delete('/:id', async (c) => {
      const user = c.get('user');
      const id = c.req.param('id');
      const session = await repository.getSession(user.id, id);
      if (!session) throw notFound();
      await chat.stop(user.id, id);
      if (!(await repository.deleteSession(user.id, id))) throw notFound();
      await deps.userEvents.record(user.id, { type: 'session_deleted', session_id: id }).catch(() => {});
      return c.body(null, 204);
    })
    .post('/:id/stream', async (c) => {
      const user = c.get('user');
      const { message } = await readJsonBody(c, streamRequestSchema);
      // A turn that is not started (the cap, a turn in progress) gives its place back.
      const grant = await deps.messages.admit(user.id);
      for (const [name, value] of Object.entries(grant.headers)) c.header(name, value);
      let turn: Awaited<ReturnType<ChatService['continueConversation']>>;
      try {
        turn = await chat.continueConversation({ userId: user.id, sessionId: c.req.param('id'), message });
      } catch (error) {
        await refundQuietly(grant);
        throw error;
      }
      return openSse(c, deps.heartbeat, (sink) => turn.attach(sink));
    })
    .get('/:id/stream', async (c) => {
      // Resume: the events after Last-Event-ID from the turn log, then live; without it, the
      // answer in progress from its start. From any instance.
      const user = c.get('user');
      const session = await repository.getSession(user.id, c.req.param('id'));
      if (!session) throw notFound();
      const last = parseEventId(c.req.header('last-event-id'));
      const turn = await deps.turnLog.find(user.id, session.id, last?.messageId ?? null);
      if (!turn || (!last && turn.finished)) return c.body(null, 204);
      return openSse(c, deps.heartbeat, (sink) => {
        void deps.follow(sink, turn.messageId, last?.seq ?? 0);
      });
    })
    .post('/:id/stop', async (c) => {
      const stopped = await chat.stop(c.get('user').id, c.req.param('id'));
      return c.json({ stopped });
    });
}

function encodeCursor(cursor: SessionCursor): string {
  return Buffer.from(`${cursor.updatedAt}|${cursor.id}`).toString('base64url');
}

function decodeCursor(value: string): SessionCursor {
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  const [updatedAt, id] = decoded.split('|');
  if (!updatedAt || !id || Number.isNaN(Date.parse(updatedAt)) || hasUnstorableCharacters(decoded)) {
    throw new ApiError(400, 'validation_error', 'The cursor is not valid: use next_cursor as given.');
  }
  return { updatedAt, id };
}
