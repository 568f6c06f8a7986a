// The same APIs used wrongly: each line marked `expected error` must be reported by tsc. Were the
// declarations unresolved (every import `any`), tsc would say nothing and the test would fail.
import type { ChatApp } from '@parley/elements';
import '@parley/elements/define';
import { ChatClient } from '@parley/sdk';
import { streamEventSchema } from '@parley/sdk/protocol';
import { createChatServer } from '@parley/server';
import { startTestServer } from '@parley/server/testing';

const client = new ChatClient({ baseUrl: 42 }); // expected error
client.conversation().on('token', ({ text }) => console.log(text)); // expected error
const kind: 'no-such-event' = streamEventSchema.parse({}).type; // expected error
const app: ChatApp = document.createElement('chat-app');
app.baseUrl = 7; // expected error
createChatServer({ database: 'postgres://localhost' }); // expected error
await startTestServer({ demoDelayMs: 'fast' }); // expected error
console.log(kind, app);
