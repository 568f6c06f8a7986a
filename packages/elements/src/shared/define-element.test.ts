import { expect } from '@open-wc/testing';
import { defineElement } from './define-element';

describe('defineElement', () => {
  it('leaves a tag that is already defined alone, and warns once when the version differs', () => {
    class First extends HTMLElement {
      static version = '0.0.1';
    }
    class Second extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...parts: unknown[]) => warnings.push(parts.join(' '));
    try {
      defineElement('parley-test-twice', First);
      defineElement('parley-test-twice', Second);
      defineElement('parley-test-twice', Second);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('parley-test-twice')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('0.0.1');
  });
});
