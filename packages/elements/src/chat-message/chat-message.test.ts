import { expect, fixture, html } from '@open-wc/testing';
import type { ChatMessage as ChatMessageData } from '@parley/sdk';
import '../test-support/lit-warnings';
import { loadMarkdown } from '../markdown/load-markdown';
import { xssPayloads } from '../markdown/xss-payloads';
import { shadow, shadowAll, text } from '../test-support/dom';
import type { ChatMessage } from './chat-message.component';
import './chat-message';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

function message(changes: Partial<ChatMessageData>): ChatMessageData {
  return {
    id: 'local-1',
    role: 'assistant',
    content: '',
    tool_calls: [],
    status: 'complete',
    created_at: new Date().toISOString(),
    ...changes,
  };
}

async function render(data: ChatMessageData) {
  await loadMarkdown();
  const element = await fixture<ChatMessage>(html`<chat-message .message=${data}></chat-message>`);
  await element.updateComplete;
  return element;
}

describe('<chat-message>', () => {
  it("shows the user's text as written, never as HTML", async () => {
    const element = await render(message({ role: 'user', content: '<b>bold?</b> **not markdown**' }));
    const bubble = shadow(element, '[part="bubble"]');
    expect(bubble.querySelector('b')).to.equal(null);
    expect(text(bubble)).to.equal('You: <b>bold?</b> **not markdown**');
  });

  it('renders an answer as markdown', async () => {
    const element = await render(message({ content: 'Hello **world**\n\n```ts\nconst x = 1;\n```' }));
    const content = shadow(element, '[part="content"]');
    expect(content.querySelector('strong')?.textContent).to.equal('world');
    expect(content.querySelector('pre code')?.textContent).to.contain('const x = 1;');
  });

  it('shows the tools of an answer, a thinking state, and a stopped note', async () => {
    const element = await render(
      message({
        status: 'streaming',
        tool_calls: [{ call_id: 'c1', tool: 'get_model_info', status: 'started' }],
      }),
    );
    // The tool indicator is defined with the deferred parts, which the first tool call loads.
    await customElements.whenDefined('chat-tool-indicator');
    const indicator = shadow(element, 'chat-tool-indicator');
    await (indicator as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(shadow(indicator, '[part="base"]'))).to.equal('Using get_model_info…');
    expect(text(shadow(element, '.thinking'))).to.equal('Thinking…');
    element.message = message({ content: 'Half an answer', status: 'partial' });
    await element.updateComplete;
    expect(text(shadow(element, '[part="note"]'))).to.equal('Stopped');
  });

  it('updates while streaming at most once per frame, with the latest text', async () => {
    const element = await render(message({ content: 'a', status: 'streaming' }));
    for (const content of ['a b', 'a b c', 'a b c d']) {
      element.message = message({ content, status: 'streaming' });
      await element.updateComplete;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await element.updateComplete;
    expect(text(shadow(element, '[part="content"]'))).to.equal('a b c d');
  });

  it(`keeps ${xssPayloads.length} attacks in model output inert`, async () => {
    const elements: ChatMessage[] = [];
    for (const payload of xssPayloads) elements.push(await render(message({ content: payload })));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.__xss).to.equal(undefined);
    for (const [index, element] of elements.entries()) {
      const content = element.shadowRoot!.querySelector('[part="content"]');
      const all = content ? [...content.querySelectorAll('*')] : [];
      const bad = all.filter(
        (node) =>
          ['script', 'iframe', 'img', 'style', 'svg', 'math', 'object', 'embed', 'form'].includes(
            node.localName,
          ) ||
          [...node.attributes].some(
            (attribute) =>
              /^on/i.test(attribute.name) ||
              attribute.name === 'style' ||
              (attribute.name === 'href' && !/^(?:https?:|mailto:)/i.test(attribute.value)),
          ),
      );
      expect(
        bad.map((node) => node.outerHTML),
        JSON.stringify(xssPayloads[index]),
      ).to.deep.equal([]);
    }
    expect(shadowAll(elements[0]!, 'script')).to.have.length(0);
  });
});
