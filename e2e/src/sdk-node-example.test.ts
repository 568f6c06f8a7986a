import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProduct, startProduct } from './harness/start-product';

const example = fileURLToPath(new URL('../../examples/sdk-node/index.js', import.meta.url));
const prompt = 'you: ';

/** The example in its own process, typed into through a pipe as a person types into a terminal. */
function startExample(env: Record<string, string>) {
  const child = spawn(process.execPath, [example], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  let output = '';
  let waiting: (() => void) | undefined;
  const onData = (chunk: Buffer) => {
    output += chunk;
    waiting?.();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  /** Resolves once the example asks for the next line, after everything written since `from`. */
  const nextPrompt = (from: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        // The history that /open prints has lines that start with "you: ", but never one that ends there.
        if (output.length > from && output.endsWith(prompt)) {
          waiting = undefined;
          resolve(output.slice(from, -prompt.length));
        }
      };
      waiting = check;
      child.once('exit', (code) => reject(new Error(`The example exited (${code}):\n${output}`)));
      check();
    });
  return {
    child,
    output: () => output,
    /** Types `line` at the prompt and resolves with what the example wrote until its next prompt. */
    async type(line: string): Promise<string> {
      const from = output.length;
      child.stdin.write(`${line}\n`);
      return nextPrompt(from);
    },
    ready: () => nextPrompt(0),
  };
}

// examples/sdk-node against the CLI server: each answer is written once, however often the
// conversation was reopened (every /open used to add its listeners again).
describe('examples/sdk-node', () => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startProduct({ PARLEY_DEMO_DELAY_MS: '0' });
  });

  afterAll(async () => {
    await product?.stop();
  });

  it('prints each word of an answer once, after one /open and after two', async () => {
    const guest = await fetch(`${product.url}/api/auth/guest`, { method: 'POST' });
    const { token } = (await guest.json()) as { token: string };
    const terminal = startExample({ PARLEY_URL: product.url, PARLEY_TOKEN: token });
    try {
      await terminal.ready();
      const first = await terminal.type('First question');
      const sessionId = /\(stored as conversation (\S+)\)/.exec(first)?.[1];
      expect(sessionId, first).toBeDefined();
      expect(await terminal.type('/list')).toContain('1. ');
      await terminal.type('/open 1');
      const second = await terminal.type('Second question');
      await terminal.type('/open 1');
      const third = await terminal.type('Third question');

      const detail = await fetch(`${product.url}/api/chat/sessions/${sessionId}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const { messages } = (await detail.json()) as { messages: { role: string; content: string }[] };
      const answers = messages.filter((message) => message.role === 'assistant').map((m) => m.content);
      expect(answers).toHaveLength(3);
      // What the example printed while each answer streamed is that answer, word for word, once.
      for (const [index, printed] of [first, second, third].entries()) {
        expect(printed.slice(printed.indexOf('assistant: '))).toBe(`assistant: ${answers[index]}\n\n`);
      }
      expect(await terminal.type('/quit').catch(() => 'exited')).toBe('exited');
    } finally {
      terminal.child.kill();
    }
  });
});
