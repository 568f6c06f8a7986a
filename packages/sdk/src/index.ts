export { ChatClient, type ChatClientOptions, type RequestOptions } from './chat-client';
export { Conversation, type ConversationOptions } from './conversation';
export type {
  ConversationEventDetails,
  ConversationEventMap,
  ConversationStatus,
} from './conversation-events';
export { ChatError, type ChatErrorOptions } from './errors';
export type { FetchFunction, TokenProvider } from './http-client';
export type { ChatMessage } from './chat-message';
export type { ReconnectOptions, Timers } from './reconnect-options';
export type { RetryOptions } from './retry-delay';
export { type ChatRoute, formatRoute, parseRoute, type RouteOptions } from './routes';
export { type SessionList, type SessionListOptions, SessionStore } from './sessions';
export { readStreamEvents } from './stream/read-stream-events';
export type {
  CallOptions,
  ChatTransport,
  SessionEvent,
  SessionPageQuery,
  StreamCallOptions,
  TransportEvent,
} from './transport/chat-transport';
export { HttpTransport, type HttpTransportOptions } from './transport/http-transport';
export type { CustomEventListener, TypedEventTarget } from './typed-event-target';
export type { ErrorCode } from './protocol/errors';
export type {
  Message,
  MessageRole,
  MessageStatus,
  Model,
  ModelList,
  Session,
  ToolCall,
} from './protocol/resources';
export type { StreamEvent, StreamEventType, ToolStatus } from './protocol/events';
