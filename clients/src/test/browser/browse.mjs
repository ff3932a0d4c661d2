// Opens a page in headless Chromium (Debian's /usr/bin/chromium, never a downloaded one) with playwright-core,
// waits until it marks #status done, and prints what it shows and what it asked the API, as one JSON line:
//   tools/node/run.sh node clients/src/test/browser/browse.mjs URL
import { createRequire } from 'node:module';

// The npm tools live in tools/node (deploy/local/node-tools.sh), not above this file.
const { chromium } = createRequire(new URL('../../../../tools/node/package.json', import.meta.url))('playwright-core');

const [url] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const calls = [];
  page.on('console', message => console.error(`[page] ${message.type()}: ${message.text()}`));
  page.on('pageerror', error => console.error(`[page] error: ${error}`));
  page.on('response', async response => {
    if (!response.url().includes('/api/')) return;
    calls.push({
      url: response.url(),
      method: response.request().method(),
      status: response.status(),
      requestHeaders: await response.request().allHeaders(),
      responseHeaders: await response.allHeaders(),
    });
  });
  await page.goto(url);
  await page.waitForSelector('#status[data-done]', { timeout: 30_000 });
  const shown = {
    origin: await page.evaluate(() => location.origin),
    status: await page.textContent('#status'),
    items: await page.$$eval('#recommendations li', items => items.map(item => ({
      text: item.textContent,
      ...Object.fromEntries([...item.querySelectorAll('span')].map(span => [span.className, span.textContent])),
    }))),
    calls,
  };
  console.log(JSON.stringify(shown));
} finally {
  await browser.close();
}
