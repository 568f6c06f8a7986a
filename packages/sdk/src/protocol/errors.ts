import * as z from 'zod/mini';

/**
 * Stable error codes, on the wire (`{"error": {"code"}}` and the `error` event) and in `ChatError`.
 * The set is open: a client must treat an unknown code like `internal_error`.
 */
export type ErrorCode =
  | 'validation_error'
  | 'invalid_json'
  | 'empty_message'
  | 'message_too_long'
  | 'payload_too_large'
  | 'request_timeout'
  | 'unknown_model'
  | 'unauthorized'
  | 'invalid_token'
  | 'token_in_url'
  | 'use_post'
  | 'not_found'
  | 'rate_limited'
  | 'too_many_streams'
  | 'idempotency_conflict'
  | 'turn_in_progress'
  | 'interrupted'
  | 'guest_disabled'
  | 'provider_error'
  | 'database_unavailable'
  | 'shutting_down'
  | 'internal_error'
  | 'protocol_error'
  | 'network_error'
  | 'aborted';

/** The JSON body of every error answer outside a stream. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
