import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthenticatedUser } from './auth/authenticator';

/** Hono's environment for this app: the user set by `authenticate`, Node's objects when on Node. */
export interface AppEnv {
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse };
  Variables: { user: AuthenticatedUser };
}
