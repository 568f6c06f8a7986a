// Runs on the installed @parley/sdk against a Parley server: asks for a guest token, starts a
// conversation and prints, as one JSON line, what the stream delivered.
//   node chat.js <server url> <message>
import { ChatClient } from '@parley/sdk';
import { guestTokenSchema } from '@parley/sdk/protocol';

const [baseUrl, message] = process.argv.slice(2);
const response = await fetch(`${baseUrl}/api/auth/guest`, { method: 'POST' });
const { token } = guestTokenSchema.parse(await response.json());
const client = new ChatClient({ baseUrl, getToken: async () => token });
const conversation = client.conversation();
const events = [];
conversation.on('conversation-created', ({ sessionId }) => events.push(`created ${sessionId}`));
conversation.on('token', () => events.push('token'));
let streamed = '';
conversation.on('token', ({ content }) => {
  streamed += content;
});
await conversation.send(message);
const answer = conversation.messages.at(-1);
console.log(
  JSON.stringify({
    sessionId: conversation.sessionId,
    status: conversation.status,
    error: conversation.error?.message ?? null,
    firstEvent: events[0],
    tokens: events.filter((event) => event === 'token').length,
    streamed,
    answer: { role: answer?.role, status: answer?.status, content: answer?.content },
  }),
);
client.close();
