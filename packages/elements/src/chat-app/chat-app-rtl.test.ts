import { expect } from '@open-wc/testing';
import '../test-support/lit-warnings';
import { createApp } from '../test-support/app-fixture';
import { shadow, until } from '../test-support/dom';
import type { ChatApp } from './chat-app.component';

const rect = (element: Element) => element.getBoundingClientRect();
const sidebarOf = (app: ChatApp) => app.shadowRoot!.querySelector('chat-sidebar')!;

describe('<chat-app> right to left', () => {
  for (const lang of ['ar', 'he']) {
    it(`mirrors in ${lang}: rtl, the sidebar on the inline start (the right)`, async () => {
      const { app } = await createApp({ lang });
      await until(() => shadow(app, '.layout').getAttribute('dir') === 'rtl', 'rtl');
      expect(getComputedStyle(shadow(app, '.main')).direction).to.equal('rtl');
      const sidebar = rect(sidebarOf(app));
      const main = rect(shadow(app, '.main'));
      const box = rect(app);
      expect(sidebar.left, 'the sidebar right of the conversation').to.be.at.least(main.right - 1);
      expect(Math.abs(sidebar.right - box.right), 'the sidebar against the right edge').to.be.below(2);
      // Its border faces the conversation: on its left.
      const style = getComputedStyle(sidebarOf(app));
      expect(style.borderLeftWidth).to.equal('1px');
      expect(style.borderRightWidth).to.equal('0px');
    });
  }

  it('stays left to right in English, and where the host set dir', async () => {
    const { app } = await createApp({ lang: 'en' });
    expect(rect(sidebarOf(app)).right).to.be.at.most(rect(shadow(app, '.main')).left + 1);
    app.setAttribute('dir', 'ltr');
    app.lang = 'ar';
    await until(() => sidebarOf(app).getAttribute('lang') === 'ar', 'Arabic');
    await app.updateComplete;
    expect(shadow(app, '.layout').getAttribute('dir')).to.equal('ltr');
    expect(rect(sidebarOf(app)).right).to.be.at.most(rect(shadow(app, '.main')).left + 1);
  });

  it('opens the drawer from the right on a narrow screen, with the menu button on the right', async () => {
    const { app } = await createApp({ lang: 'ar', width: '360px' });
    await until(() => shadow(app, '.layout').getAttribute('dir') === 'rtl', 'rtl');
    const menu = shadow<HTMLButtonElement>(app, '.menu');
    const title = shadow(app, '.title');
    expect(rect(menu).left, 'the menu button right of the title').to.be.at.least(rect(title).right - 1);
    const box = rect(app);
    // Closed: slid out past the right edge.
    await until(() => rect(sidebarOf(app)).left >= box.right - 1, 'the drawer out on the right');
    menu.click();
    await until(
      () => Math.abs(rect(sidebarOf(app)).right - box.right) < 1,
      'the drawer in, against the right',
    );
    expect(rect(sidebarOf(app)).left).to.be.above(box.left);
  });
});
