import { expect } from '@open-wc/testing';
import { define } from './register.ts';
import { SavedEvent, PasserelleErrorEvent } from './events.ts';
import { SignedOutEvent } from './session-events.ts';
import { ApiError } from './api-error.ts';

describe('define', () => {
  it('defines once; a second copy warns instead of throwing, once however many copies', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      define('test-twice', A);
      define('test-twice', B);
      define('test-twice', B);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('test-twice')).to.equal(A);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('<test-twice> is already defined');
  });
});

describe('events', () => {
  it('bubble out of shadow roots with a typed detail', () => {
    const saved = new SavedEvent({ kind: 'offer', item: { id: '1' } });
    expect(saved.type).to.equal('passerelle-saved');
    expect(saved.bubbles && saved.composed).to.equal(true);
    const error = new PasserelleErrorEvent({ error: new ApiError({ type: 'x', title: 'X', status: 409, detail: 'Conflict.' }), action: 'save' });
    expect(error.type).to.equal('passerelle-error');
    expect(error.detail.error.status).to.equal(409);
    expect(new SignedOutEvent({ reason: 'expired' }).composed).to.equal(true);
  });
});
