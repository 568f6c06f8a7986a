#!/usr/bin/env node
// A terminal chat on @parley/sdk, and nothing else: type a message, read the answer as it streams.
//
//   PARLEY_URL    the chat server (default http://localhost:3000, where `npm start` listens)
//   PARLEY_TOKEN  a Bearer token; without one, the example asks the server for a guest token
//
// Commands: /new starts a new conversation, /list lists yours, /open <number> reopens one, /quit.
import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { ChatClient, ChatError } from '@parley/sdk';
import { guestTokenSchema } from '@parley/sdk/protocol';

const baseUrl = (process.env.PARLEY_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const fixedToken = process.env.PARLEY_TOKEN;

/** @type {string | null} */
let guestToken = null;

/**
 * The token for each request: PARLEY_TOKEN as given, or a guest token fetched once and again when
 * the server refuses it (a new guest token is a new guest, who starts with no conversations).
 * @type {import('@parley/sdk').TokenProvider}
 */
async function getToken({ refresh }) {
  if (fixedToken) return fixedToken;
  if (guestToken === null || refresh) guestToken = await fetchGuestToken();
  return guestToken;
}

/** @returns {Promise<string>} */
async function fetchGuestToken() {
  const response = await fetch(`${baseUrl}/api/auth/guest`, { method: 'POST' }).catch((cause) => {
    throw new ChatError({
      code: 'network_error',
      message: `Could not reach ${baseUrl}: is the server running (\`npm start\`)?`,
      cause,
    });
  });
  const body = guestTokenSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) {
    throw new ChatError({
      code: 'unauthorized',
      message: `No guest token from ${baseUrl} (HTTP ${response.status}): set PARLEY_TOKEN instead.`,
      status: response.status,
    });
  }
  return body.data.token;
}

const client = new ChatClient({ baseUrl, getToken });
const sessions = client.sessions.list();
let conversation = client.conversation();

/** Whether the answer being streamed has printed anything yet. */
let answering = false;

/** Removes the listeners that `follow` added to the conversation it followed last. */
let unfollow = () => {};

/**
 * Writes each answer of `target`, and of no other conversation, as it streams, with a line when
 * the server stores a new conversation and when it runs a tool. The client hands out one live
 * conversation per id, so `/open` of a conversation already followed gets the same object:
 * the listeners come off first, or every word would print once more for each `/open`.
 * @param {import('@parley/sdk').Conversation} target
 */
function follow(target) {
  unfollow();
  const listeners = [
    target.on('conversation-created', ({ sessionId }) =>
      console.log(`(stored as conversation ${sessionId})`),
    ),
    target.on('tool', ({ toolCall }) => {
      if (toolCall.status === 'started') console.log(`(running the tool ${toolCall.tool})`);
    }),
    target.on('token', ({ content }) => {
      if (!answering) stdout.write('assistant: ');
      answering = true;
      stdout.write(content);
    }),
  ];
  unfollow = () => {
    for (const off of listeners) off();
  };
  return target;
}

follow(conversation);

/** Prints the conversations, newest first, numbered for /open. */
async function list() {
  await sessions.load();
  if (sessions.error) return console.error(`Could not list: ${sessions.error.message}`);
  if (sessions.sessions.length === 0) return console.log('No conversations yet.');
  sessions.sessions.forEach((session, index) => {
    const when = new Date(session.updated_at).toLocaleString();
    console.log(`${String(index + 1).padStart(3)}. ${session.title}  (${when})`);
  });
}

/** @param {string} argument the number /list showed */
async function open(argument) {
  const session = sessions.sessions[Number(argument) - 1];
  if (!session) return console.log('Use /list, then /open <number>.');
  conversation = follow(client.conversation({ sessionId: session.id, modelId: session.model_id }));
  await conversation.load();
  for (const message of conversation.messages) {
    console.log(`${message.role === 'user' ? 'you' : 'assistant'}: ${message.content}\n`);
  }
}

/** @param {string} text */
async function send(text) {
  answering = false;
  await conversation.send(text);
  if (conversation.messages.at(-1)?.status === 'partial') stdout.write(' (stopped)');
  if (answering) stdout.write('\n\n');
  if (conversation.status === 'error') console.error(`Error: ${conversation.error?.message}\n`);
}

const prompt = createInterface({ input: stdin, output: stdout });
// Node 20 leaves a pending question unanswered when the input ends: abort it then.
const inputEnd = new AbortController();
prompt.on('close', () => inputEnd.abort());
// Ctrl+C while an answer streams stops it; otherwise it quits.
prompt.on('SIGINT', () => {
  if (conversation.status === 'streaming' || conversation.status === 'creating') void conversation.stop();
  else prompt.close();
});

console.log(`Parley at ${baseUrl}. /new, /list, /open <number>, /quit. Ctrl+C stops an answer.\n`);
try {
  while (!inputEnd.signal.aborted) {
    const line = (await prompt.question('you: ', { signal: inputEnd.signal })).trim();
    if (line === '') continue;
    if (line === '/quit') break;
    try {
      if (line === '/new') {
        conversation = follow(client.conversation());
        console.log('New conversation: nothing is stored until you send a message.\n');
      } else if (line === '/list') await list();
      else if (line.startsWith('/open')) await open(line.slice(5).trim());
      else await send(line);
    } catch (error) {
      console.error(`Error: ${ChatError.isInstance(error) ? error.message : String(error)}\n`);
    }
  }
} catch (error) {
  // The input ended (Ctrl+D, or a closed pipe) while waiting for a line: leave quietly.
  if (!inputEnd.signal.aborted) throw error;
} finally {
  prompt.close();
  client.close();
}
