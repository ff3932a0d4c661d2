// A case worker signs in through Swagger UI's Authorize (the document's OpenID Connect scheme: Keycloak, authorization
// code with PKCE, the public client inclusion-web), then lists persons with Try it out / Execute. Headless Chromium
// (Debian's /usr/bin/chromium, never a downloaded one) driven by playwright-core. Prints one JSON line: the authorize
// and token requests the browser made, and the persons call Swagger UI sent with its answer.
//   tools/node/run.sh node matching-worker/src/test/browser/sign-in.mjs SWAGGER_UI_URL USERNAME PASSWORD
import { createRequire } from 'node:module';

const { chromium } = createRequire(new URL('../../../../tools/node/package.json', import.meta.url))('playwright-core');

const [swaggerUi, username, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const seen = { authorize: null, token: null, persons: null };
try {
  const context = await browser.newContext();
  context.on('console', message => console.error(`[page] ${message.type()}: ${message.text()}`));
  context.on('request', request => {
    const url = request.url();
    if (url.includes('/protocol/openid-connect/auth?')) seen.authorize = url;
    if (url.includes('/protocol/openid-connect/token')) seen.token = { body: request.postData() };
  });
  context.on('response', async response => {
    if (new URL(response.url()).pathname === '/api/v1/persons' && response.request().method() === 'GET') {
      seen.persons = { status: response.status(), authorization: (await response.request().allHeaders()).authorization ?? null,
        body: await response.json().catch(() => null) };
    }
    if (response.url().includes('/protocol/openid-connect/token') && seen.token) seen.token.status = response.status();
  });
  const page = await context.newPage();
  await page.goto(swaggerUi);
  // The partners' document (Quarkus lists the worker's internal one first).
  const definitions = page.locator('.topbar select');
  await definitions.waitFor({ timeout: 60_000 });
  await definitions.selectOption({ label: '<default>' });
  await page.locator('#operations-Persons-listPersons').waitFor({ timeout: 60_000 });
  await page.click('button.btn.authorize');
  // The oidc scheme lists a form per grant the provider offers; sign in with authorization code (PKCE).
  const flow = page.locator('.auth-container', { hasText: 'authorization_code' }).first();
  await flow.waitFor({ timeout: 30_000 });
  const scope = flow.locator('input[type=checkbox][id*="openid"]');
  if (await scope.count() > 0 && !(await scope.first().isChecked())) await scope.first().check({ force: true });
  const [login] = await Promise.all([page.waitForEvent('popup'), flow.locator('button.authorize').click()]);
  await login.waitForSelector('#username');
  await login.fill('#username', username);
  await login.fill('#password', password);
  await Promise.all([login.waitForEvent('close', { timeout: 30_000 }), login.click('#kc-login')]);
  // authorised: the form now offers Logout ("Remove authorization")
  await flow.locator('button[aria-label="Remove authorization"]').waitFor({ timeout: 30_000 });
  await page.locator('.modal-ux button.btn-done').first().click();

  const operation = page.locator('#operations-Persons-listPersons');
  await operation.locator('.opblock-summary').click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  await operation.locator('.live-responses-table').waitFor({ timeout: 30_000 });
  for (let i = 0; i < 100 && !seen.persons; i++) await page.waitForTimeout(100);
  console.log(JSON.stringify(seen));
} catch (error) {
  console.error(`sign-in failed: ${error}`);
  for (const page of browser.contexts().flatMap(c => c.pages())) {
    console.error(`[page ${page.url()}] ${(await page.locator('body').innerText().catch(() => '')).slice(0, 3000)}`);
    if (process.env.SIGN_IN_DEBUG) console.error((await page.locator('.modal-ux').innerHTML().catch(() => '')).slice(0, 6000));
  }
  console.log(JSON.stringify({ ...seen, error: String(error) }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
