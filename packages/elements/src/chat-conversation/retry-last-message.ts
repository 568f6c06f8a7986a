import type { Conversation } from '@parley/sdk';

/**
 * Sends the last user message again after a failed turn. The SDK drops the failed turn's messages
 * on the next send, so the conversation shows the message once.
 */
export function retryLastMessage(conversation: Conversation): Promise<void> {
  const last = conversation.messages.findLast((message) => message.role === 'user');
  return last && conversation.status === 'error' ? conversation.send(last.content) : Promise.resolve();
}
