// A consumer's TypeScript, type-checked against the installed tarballs (see install-packages.test.ts).
// Everything here is correct: it must compile under node16, nodenext and bundler resolution.
import { type ChatApp, ChatConversationCreatedEvent, version } from '@parley/elements';
import '@parley/elements/define';
import '@parley/elements/embed';
import { ChatClient, ChatError, type Conversation, parseRoute } from '@parley/sdk';
import { type StreamEvent, streamEventSchema } from '@parley/sdk/protocol';
import { createChatServer, defineTool, openDatabase } from '@parley/server';
import { startTestServer } from '@parley/server/testing';
import { z } from 'zod';

const client = new ChatClient({ baseUrl: 'http://localhost:3000', getToken: async () => 'token' });
const conversation: Conversation = client.conversation({ modelId: 'support' });
const off: () => void = conversation.on('token', ({ content }) => console.log(content.toUpperCase()));
off();
const route = parseRoute('/c/abc');
const event: StreamEvent = streamEventSchema.parse({ type: 'token', content: 'Hi' });
if (event.type === 'done') console.log(event.message_id.length, route);
console.log(ChatError.isInstance(new Error('no')));

const app: ChatApp = document.createElement('chat-app');
app.baseUrl = 'https://chat.example.com';
app.addEventListener('chat-conversation-created', (created) => {
  if (created instanceof ChatConversationCreatedEvent) console.log(created.detail.sessionId, version);
});

const tool = defineTool({
  name: 'get_time',
  description: 'The time in a time zone.',
  input: z.object({ timeZone: z.string() }),
  run: ({ timeZone }) => new Date().toLocaleString('en', { timeZone }),
});
const database = await openDatabase({ dataDir: '.parley-data' });
const server = createChatServer({ database, auth: { guests: true }, tools: [tool] });
await server.shutdown();
const testServer = await startTestServer();
console.log(testServer.url.startsWith('http'));
