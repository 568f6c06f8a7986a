import { expect, fixture, html } from '@open-wc/testing';
import type { ChatMessage as ChatMessageData } from '@parley/sdk';
import '../test-support/lit-warnings';
import { shadow } from '../test-support/dom';
import type { ChatMessageList } from './chat-message-list.component';
import './chat-message-list';

const paragraph = 'A line of an answer that takes some room in the list. '.repeat(6);

function messages(count: number, last = ''): ChatMessageData[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `m${index}`,
    role: index % 2 === 0 ? 'user' : 'assistant',
    content: index === count - 1 ? `${paragraph}${last}` : paragraph,
    tool_calls: [],
    status: 'complete',
    created_at: new Date().toISOString(),
  }));
}

async function frames(count = 3) {
  for (let index = 0; index < count; index++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('<chat-message-list>', () => {
  it('is a polite, labelled live region that the keyboard can scroll', async () => {
    const list = await fixture<ChatMessageList>(
      html`<chat-message-list .messages=${messages(2)}></chat-message-list>`,
    );
    const log = shadow(list, '[role="log"]');
    expect(log.getAttribute('aria-live')).to.equal('polite');
    expect(log.getAttribute('aria-label')).to.equal('Messages');
    expect(log.tabIndex).to.equal(0);
    await expect(list).to.be.accessible();
  });

  it('follows a growing answer, unless the user has scrolled up', async () => {
    const list = await fixture<ChatMessageList>(
      html`<chat-message-list style="height: 200px" .messages=${messages(8)}></chat-message-list>`,
    );
    const log = shadow(list, '.log');
    await frames();
    const atEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight < 2;
    expect(atEnd()).to.equal(true);

    list.messages = messages(8, paragraph.repeat(3));
    await frames();
    expect(atEnd(), 'follows the answer').to.equal(true);

    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    list.messages = messages(8, paragraph.repeat(6));
    await frames();
    expect(log.scrollTop, 'stays where the user scrolled').to.equal(0);

    list.scrollToEnd();
    list.messages = messages(8, paragraph.repeat(9));
    await frames();
    expect(atEnd(), 'follows again').to.equal(true);
  });
});
