import { text } from './dom';

/** The text a `<chat-message>` shows (it lives in its shadow root). */
export function messageText(message: Element): string {
  return message.shadowRoot ? text(message.shadowRoot as unknown as Element) : '';
}
