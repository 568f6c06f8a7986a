import { createContext } from '@lit/context';
import type { ChatRouter } from '../routing/chat-router';

/** The router of a `<chat-app>`, shared with its sidebar so that both follow the same route. */
export const chatRouterContext = createContext<ChatRouter | undefined>(
  Symbol.for('@parley/elements.chat-router'),
);
