/** The message `chat-send` is about to send. */
export interface ChatSendDetail {
  /** The text, as typed. */
  text: string;
}

/** Fired by the composer before a message is sent. Cancel it with `preventDefault()` to keep the message. */
export class ChatSendEvent extends CustomEvent<ChatSendDetail> {
  static readonly eventName = 'chat-send';

  constructor(detail: ChatSendDetail) {
    super(ChatSendEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'chat-send': ChatSendEvent;
  }
}
