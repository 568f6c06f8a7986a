/** Longest message a user may send, in UTF-16 code units. Longer is refused with `message_too_long`. */
export const MAX_MESSAGE_LENGTH = 32_000;

/** Longest session title, in UTF-16 code units. */
export const MAX_TITLE_LENGTH = 200;

/** Longest `Idempotency-Key` header accepted. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Default title of a session until its generated title arrives (the seed's). */
export const DEFAULT_SESSION_TITLE = 'New conversation';
