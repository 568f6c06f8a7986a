import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldModel {
  /** The API root to give the product as `OPENAI_BASE_URL`. */
  baseUrl: string;
  /** Lets the answer being held finish. */
  release(): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible chat-completions server whose answer streams `before`, then waits for
 * `release()` before it streams `after`: a test can act while an answer is certainly still being
 * written, on any machine. Title requests get a title at once.
 */
export async function startHeldModel(before: string[], after: string[]): Promise<HeldModel> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const send = (response: ServerResponse, text: string) =>
    response.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: text } }] })}\n\n`);
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const messages = (JSON.parse(body) as { messages: { content: string }[] }).messages;
    response.writeHead(200, { 'Content-Type': 'text/event-stream' });
    if (String(messages[0]?.content).startsWith('You name chat conversations')) {
      send(response, 'Held answers');
    } else {
      for (const text of before) send(response, text);
      await released;
      for (const text of after) send(response, text);
    }
    response.write(
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
    );
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    release,
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
