import { expect } from '@open-wc/testing';
import '../test-support/lit-warnings';
import { renderMarkdown } from './render-markdown';
import { xssPayloads } from './xss-payloads';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const forbiddenElements = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'svg',
  'math',
  'base',
  'meta',
  'link',
  'video',
  'audio',
  'source',
  'template',
  'noscript',
  'textarea',
  'picture',
  'marquee',
  'img',
  'select',
];
const safeUrl = /^(?:https?:|mailto:)/i;

/** Puts sanitised HTML into the page, as `<chat-message>` does, and pokes every element. */
function mount(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  for (const element of container.querySelectorAll('*')) {
    for (const type of ['click', 'mouseover', 'focus', 'load', 'error', 'toggle']) {
      element.dispatchEvent(new Event(type));
    }
  }
  return container;
}

function problemsIn(container: HTMLElement): string[] {
  const problems: string[] = [];
  for (const element of container.querySelectorAll('*')) {
    if (forbiddenElements.includes(element.localName)) problems.push(`<${element.localName}>`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) problems.push(`${name} on <${element.localName}>`);
      if (
        ['style', 'srcset', 'src', 'action', 'formaction', 'background', 'xlink:href', 'id', 'name'].includes(
          name,
        )
      ) {
        problems.push(`${name} on <${element.localName}>`);
      }
      if (name === 'href' && !safeUrl.test(value)) problems.push(`href="${value}"`);
      if (name === 'class' && !(element.localName === 'code' && /^language-/.test(value))) {
        problems.push(`class="${value}"`);
      }
    }
    if (element.localName === 'a' && element.hasAttribute('href')) {
      if (element.getAttribute('target') !== '_blank') problems.push('a link without target=_blank');
      if (element.getAttribute('rel') !== 'noopener noreferrer') problems.push('a link without rel=noopener');
    }
  }
  return problems;
}

describe('renderMarkdown', () => {
  afterEach(() => {
    delete window.__xss;
  });

  it('renders the markdown of a chat answer', () => {
    const html = renderMarkdown(
      '# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n```js\nconst a = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[a link](https://example.com)',
    );
    const container = mount(html);
    expect(container.querySelector('h1')?.textContent).to.equal('Title');
    expect(container.querySelector('strong')?.textContent).to.equal('bold');
    expect(container.querySelectorAll('li')).to.have.length(2);
    expect(container.querySelector('pre code.language-js')?.textContent).to.contain('const a = 1;');
    expect(container.querySelectorAll('td')).to.have.length(2);
    const link = container.querySelector('a')!;
    expect(link.href).to.equal('https://example.com/');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    container.remove();
  });

  it('shows raw HTML in an answer as text', () => {
    const container = mount(renderMarkdown('Use <b>bold</b> tags.'));
    expect(container.querySelector('b')).to.equal(null);
    expect(container.textContent).to.contain('<b>bold</b>');
    container.remove();
  });

  it('turns a remote image into a link that loads nothing', () => {
    const html = renderMarkdown('![a cat](https://images.example/cat.png)', {
      imageLink: (description) => `Image: ${description}`,
    });
    const container = mount(html);
    expect(container.querySelector('img')).to.equal(null);
    const link = container.querySelector('a')!;
    expect(link.textContent).to.equal('Image: a cat');
    expect(link.getAttribute('href')).to.equal('https://images.example/cat.png');
    container.remove();
  });

  it('keeps https images when remote images are allowed, without a referrer', () => {
    const html = renderMarkdown('![a cat](https://images.example/cat.png)', { allowRemoteImages: true });
    const image = new DOMParser().parseFromString(html, 'text/html').querySelector('img')!;
    expect(image.getAttribute('src')).to.equal('https://images.example/cat.png');
    expect(image.getAttribute('referrerpolicy')).to.equal('no-referrer');
  });

  it(`renders ${xssPayloads.length} attacks inert`, async () => {
    expect(xssPayloads.length).to.be.at.least(50);
    const containers = xssPayloads.map((payload) => {
      const container = mount(renderMarkdown(payload));
      const problems = problemsIn(container);
      expect(problems, `payload ${JSON.stringify(payload)} left ${problems.join(', ')}`).to.deep.equal([]);
      return container;
    });
    // Give any handler, timer or resource that slipped through the time to run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.__xss).to.equal(undefined);
    const leaks = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('attacker.example'));
    expect(leaks.map((entry) => entry.name)).to.deep.equal([]);
    for (const container of containers) container.remove();
  });
});
