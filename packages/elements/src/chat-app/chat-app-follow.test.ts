import { expect } from '@open-wc/testing';
import { ChatClient } from '@parley/sdk';
import '../test-support/lit-warnings';
import { parts } from '../test-support/app-fixture';
import { shadow, until } from '../test-support/dom';
import {
  atEnd,
  distanceFromEnd,
  frames,
  fullScreenApp,
  inside,
  leaveScreen,
  messageView,
  screens,
  useScreen,
  watchPosition,
} from '../test-support/follow';
import { serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';

after(leaveScreen);

for (const screen of screens) {
  describe(`<chat-app> following the answer at ${screen.width}×${screen.height}`, () => {
    before(() => useScreen(screen));

    it('keeps each of four answers in view while it is written, to its end', async () => {
      const { app, send, answered } = await fullScreenApp();
      const { log, content } = messageView(app);
      let farthest = 0;
      // Checked in every frame in which the answer grows, after the app has scrolled.
      const watch = watchPosition(log, content, ({ distance }) => {
        farthest = Math.max(farthest, distance);
      });
      for (let turn = 1; turn <= 4; turn++) {
        farthest = 0;
        const checked = watch.count;
        await send(`Question number ${turn}`);
        await answered();
        await frames();
        expect(farthest, `turn ${turn}: the farthest the end fell below the view`).to.be.at.most(atEnd);
        expect(distanceFromEnd(log), `turn ${turn}: after the answer`).to.be.at.most(atEnd);
        expect(watch.count - checked, `turn ${turn}: frames in which the answer grew`).to.be.at.least(3);
      }
      watch.stop();
      expect(log.scrollHeight, 'the conversation is taller than the view').to.be.greaterThan(
        2 * log.clientHeight,
      );
    });

    it('keeps a failed follow-up and its alert in view', async () => {
      const userId = uniqueUserId();
      const token = await tokenFor(userId);
      let fail = false;
      const client = new ChatClient({
        baseUrl: await serverUrl(),
        getToken: () => token,
        broadcastChannel: false,
        fetch: (input, init) => {
          if (fail && init?.method === 'POST' && input.endsWith('/stream')) {
            const body = {
              error: { code: 'database_unavailable', message: 'The database is busy. Try again.' },
            };
            return Promise.resolve(Response.json(body, { status: 503 }));
          }
          return fetch(input, init);
        },
      });
      const { app } = await fullScreenApp({ userId });
      app.client = client;
      await app.updateComplete;
      const { send, answered, conversation, messages } = parts(app);
      await send('Question number 1');
      await answered();
      await send('Question number 2');
      await answered();
      fail = true;
      await send('Question number 3');
      await until(() => conversation().shadowRoot!.querySelector('chat-alert'), 'the alert');
      const alert = shadow(conversation(), 'chat-alert');
      await until(() => alert.shadowRoot?.querySelector('.alert'), 'the alert, rendered');
      await frames();
      const { log } = messageView(app);
      expect(log.scrollHeight, 'the conversation is taller than the view').to.be.greaterThan(
        log.clientHeight,
      );
      const sent = messages().findLast((message) => message.shadowRoot?.textContent?.includes('number 3'));
      expect(sent, 'the failed message').to.not.equal(undefined);
      expect(inside(sent!, log), 'the failed message is in view').to.equal(true);
      expect(inside(alert, app), 'the alert is in view').to.equal(true);
      expect(distanceFromEnd(log)).to.be.at.most(atEnd);
      client.close();
    });
  });
}
