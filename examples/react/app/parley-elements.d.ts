// JSX types for Parley's custom elements. React 19 sets a prop as a property when the element has
// one (client, getToken, strings, routing, theme) and as an attribute otherwise (base-url,
// model-id, base-path); a prop named `on` + an event name adds that event listener.
import type {
  ChatApp,
  ChatConversationCreatedEvent,
  ChatNavigateEvent,
  ChatSendEvent,
  ChatSidebar,
  ChatStrings,
  RoutingMode,
} from '@parley/elements';
import type { ChatClient, TokenProvider } from '@parley/sdk';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Theme = 'light' | 'dark' | 'system';

/** What `<chat-app>` and `<chat-sidebar>` both take. */
interface ParleyElementProps<Element extends HTMLElement>
  extends DetailedHTMLProps<HTMLAttributes<Element>, Element> {
  /** The `ChatClient` to use; `<chat-app>` makes its own when this is left out. */
  client?: ChatClient;
  /** Scope the chat to one model. */
  'model-id'?: string;
  /** `path` (History API, default), `hash` (`#/c/{id}`) or `memory` (the URL never changes). */
  routing?: RoutingMode;
  /** The path the chat lives under in `path` mode, such as `/chat`. */
  'base-path'?: string;
  theme?: Theme;
  /** Replacement texts, for other languages. */
  strings?: Partial<ChatStrings>;
  'onchat-navigate'?: (event: ChatNavigateEvent) => void;
}

export interface ChatAppProps extends ParleyElementProps<ChatApp> {
  /** The chat server's origin; leave out when it is the page's own. */
  'base-url'?: string;
  /** Returns the Bearer token before each request; `{ refresh: true }` after a 401. */
  getToken?: TokenProvider;
  'allow-remote-images'?: boolean;
  'onchat-conversation-created'?: (event: ChatConversationCreatedEvent) => void;
  'onchat-send'?: (event: ChatSendEvent) => void;
}

export type ChatSidebarProps = ParleyElementProps<ChatSidebar>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'chat-app': ChatAppProps;
      'chat-sidebar': ChatSidebarProps;
    }
  }
}
