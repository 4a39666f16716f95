import { expect } from '@open-wc/testing';
import { authorizeUrl, clientIdOf } from '../../src/flow/authorize-url.js';

describe('authorize-url', () => {
  const request =
    'https://id.example.com/contoso/B2C_1_signin/oauth2/v2.0/authorize?client_id=shop';

  it('names the client only for the front door of the API’s own server', () => {
    const cases = [
      ['https://id.example.com/api/v1', 'shop'],
      ['https://id.example.com:8443/api/v1', undefined],
      ['https://evil.example/api/v1', undefined],
      ['http://id.example.com/api/v1', undefined],
    ] as const;
    for (const [apiBase, expected] of cases) {
      expect(clientIdOf(request, apiBase), apiBase).to.equal(expected);
    }
  });

  it('asks for a fresh login and carries the ticket, replacing what the request said', () => {
    const url = new URL(authorizeUrl(`${request}&prompt=none&gatehouse_ticket=old`, 'new'));
    expect(url.searchParams.get('prompt')).to.equal('login');
    expect(url.searchParams.getAll('gatehouse_ticket')).to.deep.equal(['new']);
    expect(url.searchParams.get('client_id')).to.equal('shop');
  });
});
