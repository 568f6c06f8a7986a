import { expect } from '@open-wc/testing';
import { ChatClient } from '@parley/sdk';
import '../test-support/lit-warnings';
import type { ChatApp } from './chat-app.component';
import { parts } from '../test-support/app-fixture';
import { shadowAll, until } from '../test-support/dom';
import {
  atEnd,
  click,
  distanceFromEnd,
  frames,
  fullScreenApp,
  leaveScreen,
  messageView,
  screens,
  useScreen,
} from '../test-support/follow';
import { testBasePath } from '../test-support/location';
import { serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';

/** A conversation with `turns` answered turns, made through the SDK. */
async function storedConversation(userId: string, turns: number): Promise<string> {
  const token = await tokenFor(userId);
  const client = new ChatClient({
    baseUrl: await serverUrl(),
    getToken: () => token,
    broadcastChannel: false,
  });
  const conversation = client.conversation();
  for (let turn = 1; turn <= turns; turn++) await conversation.send(`Stored question number ${turn}`);
  client.close();
  return conversation.sessionId!;
}

/** Waits until all `count` messages are shown, answers in markdown, then until that is painted. */
async function shown(app: ChatApp, count: number) {
  const { messages } = parts(app);
  await until(
    () =>
      messages().length === count &&
      messages().every(
        (message, index) => index % 2 === 0 || shadowAll(message, '.content:not(.plain)').length === 1,
      ),
    'the conversation, rendered',
  );
  await frames();
}

describe('<chat-app> opening a long conversation', () => {
  let userId: string;
  let sessionId: string;

  before(async () => {
    await useScreen(screens[0]);
    userId = uniqueUserId();
    sessionId = await storedConversation(userId, 4);
  });

  after(leaveScreen);

  it('shows its latest message when opened from a deep link', async () => {
    history.replaceState(null, '', `${testBasePath}/c/${sessionId}`);
    const { app } = await fullScreenApp({ userId });
    await shown(app, 8);
    const { log } = messageView(app);
    expect(log.scrollHeight, 'the conversation is taller than the view').to.be.greaterThan(
      2 * log.clientHeight,
    );
    expect(distanceFromEnd(log)).to.be.at.most(atEnd);
  });

  it('shows its latest message when opened from the sidebar', async () => {
    const { app, sidebar, sessionLinks } = await fullScreenApp({ userId });
    // Once the models are listed above it, the link stays where it is.
    await until(() => shadowAll(sidebar(), '[part="model-new-chat-button"]').length > 0, 'the models');
    await until(() => sessionLinks().length === 1, 'the conversation in the sidebar');
    await click(sessionLinks()[0]!);
    await until(() => location.pathname.endsWith(`/c/${sessionId}`), 'the conversation opened');
    await shown(app, 8);
    const { log } = messageView(app);
    expect(distanceFromEnd(log)).to.be.at.most(atEnd);
  });
});
