/** Fired when the user asks to stop the answer being written. */
export class ChatStopEvent extends Event {
  static readonly eventName = 'chat-stop';

  constructor() {
    super(ChatStopEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'chat-stop': ChatStopEvent;
  }
}
