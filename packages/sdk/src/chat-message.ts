import type { Message } from './protocol/resources';

/**
 * One message of a conversation: the wire `Message` (snake_case, as the server sends it) without
 * `session_id`, which the conversation knows. Objects are never changed in place: every update
 * replaces the message (and the list holding it), so a renderer can compare by identity.
 *
 * `id` is the server's, or a local one starting with `local-` until the server names the message
 * (an assistant message gets its id from `done`, a user message when the history is loaded).
 */
export type ChatMessage = Omit<Message, 'session_id'>;
