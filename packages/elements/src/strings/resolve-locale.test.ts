import { expect } from '@open-wc/testing';
import { localeCodes } from './locale-codes';
import { resolveLocale } from './resolve-locale';

describe('resolveLocale', () => {
  it('takes every pack by its own code, in any case', () => {
    for (const code of localeCodes) {
      expect(resolveLocale(code)).to.equal(code);
      expect(resolveLocale(code.toUpperCase())).to.equal(code);
    }
  });

  it('falls back to the language of a regional tag', () => {
    expect(resolveLocale('de-AT')).to.equal('de');
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('fr-CA')).to.equal('fr');
    expect(resolveLocale('es-419')).to.equal('es');
    expect(resolveLocale('ar-EG')).to.equal('ar');
    expect(resolveLocale('sr-Latn-RS')).to.equal('en');
  });

  it('takes Brazilian Portuguese for any Portuguese', () => {
    expect(resolveLocale('pt')).to.equal('pt-BR');
    expect(resolveLocale('pt-PT')).to.equal('pt-BR');
    expect(resolveLocale('pt-br')).to.equal('pt-BR');
  });

  it('picks Chinese by script: Traditional for zh-Hant, Taiwan, Hong Kong and Macau', () => {
    expect(resolveLocale('zh')).to.equal('zh-CN');
    expect(resolveLocale('zh-Hans')).to.equal('zh-CN');
    expect(resolveLocale('zh-SG')).to.equal('zh-CN');
    expect(resolveLocale('zh-Hant')).to.equal('zh-TW');
    expect(resolveLocale('zh-HK')).to.equal('zh-TW');
    expect(resolveLocale('zh-MO')).to.equal('zh-TW');
    expect(resolveLocale('zh-Hant-HK')).to.equal('zh-TW');
    expect(resolveLocale('zh-Hans-TW')).to.equal('zh-CN');
  });

  it('understands legacy codes', () => {
    expect(resolveLocale('iw')).to.equal('he');
    expect(resolveLocale('in-ID')).to.equal('id');
  });

  it('takes English for unknown languages, no tag, and tags that are not tags', () => {
    expect(resolveLocale('nb-NO')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale('   ')).to.equal('en');
    expect(resolveLocale(null)).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
    expect(resolveLocale('not a tag!')).to.equal('en');
  });
});
