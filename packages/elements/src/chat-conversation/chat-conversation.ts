import '../chat-composer/chat-composer';
import '../chat-message-list/chat-message-list';
import { defineElement } from '../shared/define-element';
import { ChatConversation } from './chat-conversation.component';

export { ChatConversation };

defineElement('chat-conversation', ChatConversation);

declare global {
  interface HTMLElementTagNameMap {
    'chat-conversation': ChatConversation;
  }
}
