// Checks webhook deliveries with the Standard Webhooks reference library (npm standardwebhooks), not the service's code.
//   tools/node/run.sh node verify.cjs <tools/node dir> <cases.json>
// Each case: {secret, id, timestamp, signature, body}. Prints one JSON object: for each case whether the delivery as
// received verifies, whether it verifies with one byte of the body changed, and whether the same body, signed by the
// reference library itself with a timestamp ten minutes old (a replay), verifies; and whether the library's own
// signature for the received id, timestamp and body is among the received ones.
const { createRequire } = require('module');
const fs = require('fs');
const path = require('path');
const load = createRequire(path.join(process.argv[2], 'package.json'));
const { Webhook } = load('standardwebhooks');

function verifies(wh, body, headers) {
  try {
    wh.verify(body, headers);
    return true;
  } catch (e) {
    return false;
  }
}

const cases = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const results = cases.map(c => {
  const wh = new Webhook(c.secret);
  const headers = {'webhook-id': c.id, 'webhook-timestamp': c.timestamp, 'webhook-signature': c.signature};
  const changed = c.body.replace(/.$/, c.body.endsWith('}') ? ' }' : '}');
  const old = new Date(Date.now() - 10 * 60 * 1000);
  const replayed = {'webhook-id': c.id, 'webhook-timestamp': String(Math.floor(old.getTime() / 1000)),
    'webhook-signature': wh.sign(c.id, old, c.body)};
  const own = wh.sign(c.id, new Date(Number(c.timestamp) * 1000), c.body);
  return {
    id: c.id,
    verifies: verifies(wh, c.body, headers),
    changedBodyVerifies: verifies(wh, changed, headers),
    oldTimestampVerifies: verifies(wh, c.body, replayed),
    sameSignature: c.signature.split(' ').includes(own),
  };
});
console.log(JSON.stringify(results));
