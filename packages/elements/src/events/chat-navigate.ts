import type { ChatRoute } from '@parley/sdk';

/** Where `chat-navigate` is about to go. */
export interface ChatNavigateDetail {
  /** The route chosen by the user. */
  route: ChatRoute;
}

/**
 * Fired before the elements navigate (a "New chat" button, a conversation in the sidebar).
 * Cancel it with `preventDefault()` to route by yourself, for example with your framework's
 * router; then tell the chat with `chatApp.router.navigate(event.detail.route)`, or by a
 * `popstate` event once the URL has changed.
 */
export class ChatNavigateEvent extends CustomEvent<ChatNavigateDetail> {
  static readonly eventName = 'chat-navigate';

  constructor(detail: ChatNavigateDetail) {
    super(ChatNavigateEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'chat-navigate': ChatNavigateEvent;
  }
}
