import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { C360ApiError } from '@c360/sdk';
import '../customer-profile/define.js';
import { renderEmpty, renderError, renderLoading } from './states.js';
import { text } from '../test-support/real-server.js';

function mount(template: unknown): HTMLElement {
  const host = document.createElement('div');
  render(template, host);
  return host;
}

describe('state templates', () => {
  it('loading is a status with a label for screen readers', () => {
    const host = mount(renderLoading('Loading orders…'));
    const state = host.querySelector('[part~=loading]')!;
    expect(state.getAttribute('role')).to.equal('status');
    expect(text(state)).to.equal('Loading orders…');
  });

  it('empty says what is missing', () => {
    expect(text(mount(renderEmpty('No orders yet.')).querySelector('[part~=empty]'))).to.equal('No orders yet.');
  });

  it('access denied explains 401 and 403 without a retry button', () => {
    for (const status of [401, 403]) {
      const host = mount(
        renderError(new C360ApiError({ type: 'about:blank', title: 'Forbidden', status, detail: 'needs customers:read' })),
      );
      const state = host.querySelector('[part~=denied]')!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(text(state)).to.contain('Access denied').and.contain(`HTTP ${status}`).and.contain('needs customers:read');
      expect(host.querySelector('[part=retry]')).to.equal(null);
    }
  });

  it('other errors show the problem and a Retry button that calls retry', () => {
    let retried = 0;
    const host = mount(
      renderError(new C360ApiError({ type: 'about:blank', title: 'Bad Gateway', status: 502 }), { retry: () => retried++ }),
    );
    expect(text(host.querySelector('[part~=error]'))).to.contain('Bad Gateway (HTTP 502)');
    host.querySelector<HTMLButtonElement>('[part=retry]')!.click();
    expect(retried).to.equal(1);
  });
});
