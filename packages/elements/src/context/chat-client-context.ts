import { createContext } from '@lit/context';
import type { ChatClient } from '@parley/sdk';

/**
 * The `ChatClient` that `<chat-app>` provides to the elements inside it. Provide one yourself
 * (a `ContextProvider` on any ancestor) to share a client with a `<chat-sidebar>` placed elsewhere.
 * A global symbol, so that two copies of the elements on a page still find each other.
 */
export const chatClientContext = createContext<ChatClient | undefined>(
  Symbol.for('@parley/elements.chat-client'),
);
