import '../chat-message/chat-message';
import { defineElement } from '../shared/define-element';
import { ChatMessageList } from './chat-message-list.component';

export { ChatMessageList };

defineElement('chat-message-list', ChatMessageList);

declare global {
  interface HTMLElementTagNameMap {
    'chat-message-list': ChatMessageList;
  }
}
