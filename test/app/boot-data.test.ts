import { expect } from '@open-wc/testing';
import { bootDataScript, readBootData, type BootData } from '../../src/app/boot-data.js';
import { publicTenantConfig } from '../../src/app/public-tenant-config.js';
import { demoTenants } from '../../src/demo/demo-tenants.js';
import { loadTheme } from '../../src/theme/runtime/load-theme.js';

/** A document as the browser parses the server's page with `head` in its head. */
const pageWith = (head: string) =>
  new DOMParser().parseFromString(`<!doctype html><head>${head}</head><body></body>`, 'text/html');

describe('app/boot-data', () => {
  let data: BootData;
  before(async () => {
    data = {
      config: publicTenantConfig(demoTenants()[0]!.tenant),
      theme: await loadTheme('contoso'),
    };
  });

  it('reads back what the server wrote', () => {
    expect(readBootData(pageWith(bootDataScript(data)))).to.deep.equal(data);
  });

  it('keeps text that looks like markup inside its script, as text', () => {
    const hostile = '</script><script>window.pwned = true</script><!--';
    const written = { ...data, config: { ...data.config, displayName: hostile } };
    const script = bootDataScript(written);
    expect(script.match(/<\/script>/g)).to.have.length(1);
    const page = pageWith(script);
    expect(page.querySelectorAll('script')).to.have.length(1);
    expect(readBootData(page)?.config.displayName).to.equal(hostile);
  });

  it('has none without the element, or when it is not JSON data', () => {
    expect(readBootData(pageWith(''))).to.equal(undefined);
    expect(
      readBootData(pageWith('<script type="application/json" id="gate-boot">{"config":')),
    ).to.equal(undefined);
    expect(readBootData(pageWith('<div id="gate-boot">{}</div>'))).to.equal(undefined);
    expect(readBootData(pageWith('<script id="gate-boot">{}</script>'))).to.equal(undefined);
  });
});
