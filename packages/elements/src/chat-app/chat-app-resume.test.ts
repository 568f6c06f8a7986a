// Opening a conversation whose answer is still being written, and one whose answer was
// interrupted: in Chromium, against the real server and its turn log.
import { ChatClient } from '@parley/sdk';
import { expect } from '@open-wc/testing';
import '../test-support/lit-warnings';
import { createApp } from '../test-support/app-fixture';
import { shadow, shadowAll, text, until } from '../test-support/dom';
import { testBasePath } from '../test-support/location';
import { query, serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';

type Shown = HTMLElement & { message?: { role: string; status: string; content: string } };

async function userClient() {
  const url = await serverUrl();
  const userId = uniqueUserId();
  const token = await tokenFor(userId);
  return { userId, client: new ChatClient({ baseUrl: url, getToken: () => token, broadcastChannel: false }) };
}

describe('<chat-app> and answers written elsewhere', () => {
  it('shows a running answer on load (a reload mid-answer) and streams the rest in', async () => {
    const { userId, client } = await userClient();
    const elsewhere = client.conversation();
    let tokens = 0;
    let midAnswer: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      midAnswer = resolve;
    });
    elsewhere.on('token', () => {
      if (++tokens === 3) midAnswer();
    });
    const answered = elsewhere.send('Tell me everything you can do, at length.');
    await started;
    history.replaceState(null, '', `${testBasePath}/c/${elsewhere.sessionId}`);
    const { app, messages } = await createApp({ userId });
    const view = shadow(app, 'chat-conversation') as HTMLElement & {
      conversation?: {
        status: string;
        on(type: string, listener: (detail: { status: string }) => void): void;
      };
    };
    await until(() => view.conversation, 'the conversation');
    const statuses: string[] = [view.conversation!.status];
    view.conversation!.on('state-change', ({ status }) => statuses.push(status));
    await answered;
    await until(
      () => (messages().at(-1) as Shown | undefined)?.message?.status === 'complete',
      'the rest of the answer',
    );
    const [saved] = await query<{ content: string }>(
      "SELECT content FROM chat_messages WHERE session_id = $1 AND role = 'assistant'",
      [elsewhere.sessionId],
    );
    expect((messages().at(-1) as Shown).message!.content).to.equal(saved!.content);
    // Whether the load came before the end is up to the machine; when it did, it followed live.
    if (statuses[0] === 'streaming') expect(statuses).to.include('idle');
    client.close();
  });

  it('says that an interrupted answer was interrupted and offers Retry', async () => {
    const { userId, client } = await userClient();
    const elsewhere = client.conversation();
    await elsewhere.send('Hello');
    client.close();
    await query(
      "UPDATE chat_messages SET status = 'interrupted' WHERE session_id = $1 AND role = 'assistant'",
      [elsewhere.sessionId],
    );
    history.replaceState(null, '', `${testBasePath}/c/${elsewhere.sessionId}`);
    const { app, messages } = await createApp({ userId });
    await until(() => messages().length === 2, 'the history');
    const note = () => shadowAll(messages()[1]!, '[part="note"]').map(text).join(' ');
    await until(() => note().includes('Interrupted'), 'the interrupted note');
    const alert = () =>
      app.shadowRoot?.querySelector('chat-conversation')?.shadowRoot?.querySelector('chat-alert');
    await until(() => alert()?.shadowRoot?.querySelector('button'), 'the Retry button');
    const retry = alert()!.shadowRoot!.querySelector('button')!;
    expect(text(retry)).to.equal('Retry');
    retry.focus();
    expect(alert()!.shadowRoot!.activeElement).to.equal(retry);
    retry.click();
    await until(() => messages().length === 4, 'the retried turn');
    await until(() => (messages()[3] as Shown).message?.status === 'complete', 'the new answer');
    expect((messages()[2] as Shown).message!.content).to.equal('Hello');
  });
});
