// Registers every element (guarded: a tag that is already defined is left alone).
import './chat-alert/chat-alert';
import './chat-app/chat-app';
import './chat-composer/chat-composer';
import './chat-conversation/chat-conversation';
import './chat-message/chat-message';
import './chat-message-list/chat-message-list';
import './chat-sidebar/chat-sidebar';
import './chat-tool-indicator/chat-tool-indicator';
