// The CPA Deployments API for TypeScript: openapi-fetch typed by the released OpenAPI document of
// this package's version (generated/cpa-api.ts, written by the build from
// contracts/released/<version>/openapi.json). A wrong path, parameter, field or enum value does
// not compile.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./generated/cpa-api.js";

// paths, components and operations as openapi-typescript writes them, and each schema by its own
// name (MissionRequest, NewMissionRequest, Problem...)
export * from "./generated/cpa-api.js";

/** A bearer token, or a function giving the current one (called before each request, so it may refresh). */
export type TokenSource = string | (() => string | Promise<string>);

export interface CpaClientOptions extends Omit<ClientOptions, "baseUrl"> {
  /** Where the gateway answers, e.g. `https://cpa.example.gc.ca`: the paths start with `/api/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` on every request. */
  token: TokenSource;
}

/** openapi-fetch's client of the CPA paths: `GET`, `POST`, `PATCH`, `DELETE`..., each answering `{ data, error, response }`. */
export type CpaClient = Client<paths>;

/** A client of the CPA Deployments API through its gateway, authenticated with `token`. */
export function createCpaClient({ token, ...options }: CpaClientOptions): CpaClient {
  const client = createClient<paths>(options);
  client.use({
    async onRequest({ request }) {
      const bearer = typeof token === "function" ? await token() : token;
      request.headers.set("Authorization", `Bearer ${bearer}`);
      return request;
    },
  });
  return client;
}
