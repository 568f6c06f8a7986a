/** Fired when the user asks to retry a turn that failed. */
export class ChatRetryEvent extends Event {
  static readonly eventName = 'chat-retry';

  constructor() {
    super(ChatRetryEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'chat-retry': ChatRetryEvent;
  }
}
