// What the build runs (webhook-service's ReceiverExamplesTest): verifies a delivery the service
// really sent, saved as JSON {secret, headers, body}; exits 0 when it verifies, 1 when it does not.
import { readFileSync } from "node:fs";
import { verifyWebhook } from "./verify-webhook.js";

const file = process.argv[2];
if (!file) throw new Error("usage: node check-delivery.js <delivery.json>");
const delivery = JSON.parse(readFileSync(file, "utf8")) as { secret: string; headers: Record<string, string>; body: string };
try {
  verifyWebhook(delivery.secret, delivery.headers, delivery.body);
  console.log("verified", delivery.headers["webhook-id"]);
} catch (error) {
  console.log("refused:", (error as Error).message);
  process.exitCode = 1;
}
