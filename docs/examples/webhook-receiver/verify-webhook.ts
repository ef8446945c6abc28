// Checks a CPA webhook delivery (Standard Webhooks) before anything else is done with it: the
// signature over `webhook-id.webhook-timestamp.body` with the subscription's secret, and a
// timestamp within five minutes of this clock. Needs only Node's crypto.
import { createHmac, timingSafeEqual } from "node:crypto";

const toleranceSeconds = 5 * 60;

export interface WebhookHeaders {
  "webhook-id"?: string | undefined;
  "webhook-timestamp"?: string | undefined;
  "webhook-signature"?: string | undefined;
}

/** Throws when the delivery is not one the secret's owner sent, or is stale. `body` is the raw body as received. */
export function verifyWebhook(secret: string, headers: WebhookHeaders, body: string | Buffer,
                              now: Date = new Date()): void {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!secret.startsWith("whsec_")) throw new Error("a CPA webhook secret starts with whsec_");
  if (!id || !timestamp || !signatures) throw new Error("webhook-id, webhook-timestamp and webhook-signature are required");
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(now.getTime() / 1000 - seconds) > toleranceSeconds) {
    throw new Error("webhook-timestamp is more than 5 minutes from now: a replay?");
  }
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
  // During a secret rotation the header holds two signatures: one match is enough.
  const matches = signatures.split(" ").some((signature) => {
    if (!signature.startsWith("v1,")) return false;
    const given = Buffer.from(signature.slice(3), "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new Error("no signature matches the secret");
}
