import { expect } from '@open-wc/testing';
import { ChatClient } from '@parley/sdk';
import { sendKeys } from '@web/test-runner-commands';
import '../test-support/lit-warnings';
import { parts } from '../test-support/app-fixture';
import { until } from '../test-support/dom';
import {
  atEnd,
  click,
  distanceFromEnd,
  frames,
  fullScreenApp,
  holdableFetch,
  inside,
  leaveScreen,
  messageView,
  screens,
  scrollUp,
  useScreen,
  watchPosition,
  whenGrown,
  whenScrollEnds,
} from '../test-support/follow';
import { serverUrl, tokenFor, uniqueUserId } from '../test-support/test-server';

after(leaveScreen);

for (const screen of screens) {
  describe(`<chat-app> scrolled up during an answer at ${screen.width}×${screen.height}`, () => {
    before(() => useScreen(screen));

    it('stays where the user scrolled, offers "Jump to latest", and follows again from it', async () => {
      // The answers are held at chosen points, so that each step happens mid-answer on any machine.
      const held = holdableFetch();
      const userId = uniqueUserId();
      const token = await tokenFor(userId);
      const client = new ChatClient({
        baseUrl: await serverUrl(),
        getToken: () => token,
        broadcastChannel: false,
        fetch: held.fetch,
      });
      const { app } = await fullScreenApp({ userId });
      app.client = client;
      await app.updateComplete;
      const { send, answered } = parts(app);
      await send('Question number 1');
      await answered();
      const { log, content, jump, focused } = messageView(app);

      /** Sends `text` and holds its answer once some of it is shown. */
      const sendAndHold = async (text: string) => {
        const grown = whenGrown(content, 150);
        await send(text);
        await grown;
        held.hold();
        await frames();
        expect(distanceFromEnd(log), 'following before the user scrolls').to.be.at.most(atEnd);
        expect(jump().hidden, 'no jump button while following').to.equal(true);
      };

      /** Lets a little more of the answer arrive: the view stays put and the button appears. */
      const stayWhileItGrows = async () => {
        const top = log.scrollTop;
        expect(distanceFromEnd(log), 'away from the end').to.be.greaterThan(100);
        let moved = 0;
        const watch = watchPosition(log, content, (sample) => {
          moved = Math.max(moved, Math.abs(sample.top - top));
        });
        const more = whenGrown(content, 20);
        held.release();
        await more;
        held.hold();
        await until(() => !jump().hidden, 'the jump button');
        await frames();
        watch.stop();
        expect(moved, 'how far the view moved from where the user left it').to.be.at.most(atEnd);
        expect(jump().textContent).to.contain('Jump to latest');
        expect(inside(jump(), log), 'the jump button is on screen').to.equal(true);
      };

      /** After the jump: at the end, and following the rest of the answer. */
      const followAgain = async () => {
        await frames();
        expect(distanceFromEnd(log), 'at the end after the jump').to.be.at.most(atEnd);
        expect(jump().hidden, 'the button is gone').to.equal(true);
        let farthest = 0;
        const watch = watchPosition(log, content, ({ distance }) => {
          farthest = Math.max(farthest, distance);
        });
        const more = whenGrown(content, 60);
        held.release();
        await more;
        await answered();
        await frames();
        watch.stop();
        expect(farthest, 'the farthest the end fell below the view after the jump').to.be.at.most(atEnd);
        expect(distanceFromEnd(log)).to.be.at.most(atEnd);
      };

      // A wheel (or a finger), then a click on the button.
      await sendAndHold('Question number 2');
      await scrollUp(log, 240, screen.gesture);
      await stayWhileItGrows();
      await click(jump());
      await followAgain();

      // The keyboard: Page Up in the list, Tab to the button, Enter.
      await sendAndHold('Question number 3');
      log.focus();
      const ended = whenScrollEnds(log);
      await sendKeys({ press: 'PageUp' });
      await ended;
      await stayWhileItGrows();
      if (screen.width > 760) {
        await sendKeys({ press: 'Tab' });
      } else {
        // At this size the test runner's Tab key press does not return; the button's place in
        // the tab order is checked at the wide size.
        jump().focus();
      }
      expect(focused(), 'Tab reaches the jump button').to.equal(jump());
      await sendKeys({ press: 'Enter' });
      expect(focused(), 'the focus stays in the list').to.equal(log);
      await followAgain();
      client.close();
    });
  });
}
