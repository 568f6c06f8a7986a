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

/** Puts the rendered nodes into the page, as `<chat-message>` does, and pokes every element. */
function mount(nodes: Node): HTMLElement {
  const container = document.createElement('div');
  container.append(nodes);
  document.body.append(container);
  for (const element of container.querySelectorAll('*')) {
    for (const type of ['click', 'mouseover', 'focus', 'load', 'error', 'toggle']) {
      element.dispatchEvent(new Event(type));
    }
  }
  return container;
}

/** What an answer must never hold, with remote images off (`img` then counts as a problem too). */
function problemsIn(container: HTMLElement, { images = false } = {}): string[] {
  const problems: string[] = [];
  for (const element of container.querySelectorAll('*')) {
    const allowedImage = images && element.localName === 'img';
    if (forbiddenElements.includes(element.localName) && !allowedImage)
      problems.push(`<${element.localName}>`);
    if (
      element.localName === 'input' &&
      (element.getAttribute('type') !== 'checkbox' || !element.hasAttribute('disabled'))
    ) {
      problems.push('an input that is not a disabled checkbox');
    }
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) problems.push(`${name} on <${element.localName}>`);
      if (
        ['style', 'srcset', 'action', 'formaction', 'background', 'xlink:href', 'id', 'name'].includes(
          name,
        ) ||
        (name === 'src' && !(allowedImage && /^https:/.test(value)))
      ) {
        problems.push(`${name}="${value}" on <${element.localName}>`);
      }
      if (name === 'href' && !safeUrl.test(value)) problems.push(`href="${value}"`);
      if (name === 'class' && !(element.localName === 'code' && /^language-[\w+#.-]+$/.test(value))) {
        problems.push(`class="${value}"`);
      }
    }
    if (element.localName === 'a' && element.hasAttribute('href')) {
      if (element.getAttribute('target') !== '_blank') problems.push('a link without target=_blank');
      if (element.getAttribute('rel') !== 'noopener noreferrer') problems.push('a link without rel=noopener');
      if (element.querySelector('a')) problems.push('a link inside a link');
    }
    if (allowedImage && element.getAttribute('referrerpolicy') !== 'no-referrer') {
      problems.push('an image sent with a referrer');
    }
  }
  return problems;
}

describe('renderMarkdown', () => {
  afterEach(() => {
    delete window.__xss;
  });

  it('renders the markdown of a chat answer', () => {
    const container = mount(
      renderMarkdown(
        '# Title\n\nSome **bold**, *em*, ~~old~~ and `code`.  \nNext line.\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted\n\n---\n\n```js\nconst a = 1;\n```\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n[a link](https://example.com "Example") and <https://autolink.example> and mail@example.com',
      ),
    );
    expect(container.querySelector('h1')?.textContent).to.equal('Title');
    expect(container.querySelector('strong')?.textContent).to.equal('bold');
    expect(container.querySelector('em')?.textContent).to.equal('em');
    expect(container.querySelector('del')?.textContent).to.equal('old');
    expect(container.querySelector('p code')?.textContent).to.equal('code');
    expect(container.querySelector('p br')).to.not.equal(null);
    expect(container.querySelectorAll('ul > li')).to.have.length(2);
    expect(container.querySelector('ol')?.getAttribute('start')).to.equal('3');
    expect(container.querySelector('blockquote p')?.textContent).to.equal('quoted');
    expect(container.querySelector('hr')).to.not.equal(null);
    expect(container.querySelector('pre code.language-js')?.textContent).to.contain('const a = 1;');
    expect([...container.querySelectorAll('th')].map((cell) => cell.getAttribute('align'))).to.deep.equal([
      'center',
      'right',
    ]);
    expect(container.querySelectorAll('tbody td')).to.have.length(2);
    const [link, autolink, mail] = container.querySelectorAll('a');
    expect(link!.href).to.equal('https://example.com/');
    expect(link!.title).to.equal('Example');
    expect(link!.target).to.equal('_blank');
    expect(link!.rel).to.equal('noopener noreferrer');
    expect(autolink!.textContent).to.equal('https://autolink.example');
    expect(mail!.getAttribute('href')).to.equal('mailto:mail@example.com');
    container.remove();
  });

  it('returns nodes, not markup', () => {
    const fragment = renderMarkdown('**bold**');
    expect(fragment).to.be.instanceOf(DocumentFragment);
    expect(fragment.firstElementChild?.localName).to.equal('p');
  });

  it('shows raw HTML in an answer as text, inline and as a block', () => {
    const container = mount(renderMarkdown('Use <b>bold</b> tags.\n\n<div class="x">\nblock\n</div>'));
    expect(container.querySelector('b, div')).to.equal(null);
    expect(container.textContent).to.contain('<b>bold</b>');
    expect(container.textContent).to.contain('<div class="x">');
    container.remove();
  });

  it('decodes character references in text and links, not in code', () => {
    const container = mount(
      renderMarkdown(
        'AT&amp;T &copy; &#233;&#x2014; &unknown; \\&amp;\n\n[x](https://example.com/?a=1&amp;b=2) `&amp;`',
      ),
    );
    const [text, second] = container.querySelectorAll('p');
    expect(text!.textContent).to.equal('AT&T © é— &unknown; &amp;');
    expect(second!.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/?a=1&b=2');
    expect(second!.querySelector('code')!.textContent).to.equal('&amp;');
    container.remove();
  });

  it('keeps links to web and mail addresses only; others become their text', () => {
    const container = mount(
      renderMarkdown(
        '[web](http://example.com) [mail](mailto:someone@example.com) [script](javascript:alert(1)) [relative](/page) [file](file:///etc/passwd)',
      ),
    );
    expect([...container.querySelectorAll('a')].map((link) => link.textContent)).to.deep.equal([
      'web',
      'mail',
    ]);
    expect(container.textContent).to.equal('web mail script relative file');
    container.remove();
  });

  it('renders task lists with disabled checkboxes', () => {
    const container = mount(renderMarkdown('- [x] done\n- [ ] to do'));
    const boxes = [...container.querySelectorAll('input')];
    expect(boxes.map((box) => [box.type, box.disabled, box.checked])).to.deep.equal([
      ['checkbox', true, true],
      ['checkbox', true, false],
    ]);
    container.remove();
  });

  it('puts a code block language in its class only when it is a plain name', () => {
    const container = mount(renderMarkdown('```c++\na\n```\n\n```x"y\nb\n```\n\n```\nc\n```'));
    expect([...container.querySelectorAll('code')].map((code) => code.className)).to.deep.equal([
      'language-c++',
      '',
      '',
    ]);
    container.remove();
  });

  it('turns a remote image into a link that loads nothing', () => {
    const container = mount(
      renderMarkdown('![a cat](https://images.example/cat.png) ![a dog](data:image/png;base64,AAAA)', {
        imageLink: (description) => `Image: ${description}`,
      }),
    );
    expect(container.querySelector('img')).to.equal(null);
    const links = container.querySelectorAll('a');
    expect(links).to.have.length(1);
    expect(links[0]!.textContent).to.equal('Image: a cat');
    expect(links[0]!.getAttribute('href')).to.equal('https://images.example/cat.png');
    expect(container.textContent).to.contain('Image: a dog');
    container.remove();
  });

  it('keeps https images when remote images are allowed, without a referrer', () => {
    const fragment = renderMarkdown(
      '![a cat](https://images.example/cat.png) ![plain](http://images.example/plain.png)',
      { allowRemoteImages: true },
    );
    const images = fragment.querySelectorAll('img');
    expect(images).to.have.length(1);
    expect(images[0]!.getAttribute('src')).to.equal('https://images.example/cat.png');
    expect(images[0]!.alt).to.equal('a cat');
    expect(images[0]!.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(images[0]!.getAttribute('loading')).to.equal('lazy');
    expect(fragment.querySelector('a')?.getAttribute('href')).to.equal('http://images.example/plain.png');
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

  it(`renders the ${xssPayloads.length} attacks inert with remote images allowed`, async () => {
    for (const payload of xssPayloads) {
      // Not put into the page: the https images these allow would be fetched.
      const container = document.createElement('div');
      container.append(renderMarkdown(payload, { allowRemoteImages: true }));
      const problems = problemsIn(container, { images: true });
      expect(problems, `payload ${JSON.stringify(payload)} left ${problems.join(', ')}`).to.deep.equal([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(window.__xss).to.equal(undefined);
  });
});
