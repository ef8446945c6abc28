// The wrapper's own promises, on the compiled package (dist/), with a fetch that records requests.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createCpaClient } from "../dist/index.js";

function recordingFetch(requests) {
  return async (request) => {
    requests.push(request);
    return Response.json({ content: [] });
  };
}

test("a token given as a string is sent as a bearer token to the base url", async () => {
  const requests = [];
  const api = createCpaClient({ baseUrl: "https://cpa.example", token: "abc", fetch: recordingFetch(requests) });
  const { data } = await api.GET("/api/v1/missions");
  assert.deepEqual(data, { content: [] });
  assert.equal(requests[0].url, "https://cpa.example/api/v1/missions");
  assert.equal(requests[0].headers.get("Authorization"), "Bearer abc");
});

test("a token given as a function is asked for before each request, so it may be refreshed", async () => {
  const requests = [];
  const tokens = ["first", "second"];
  const api = createCpaClient({ baseUrl: "https://cpa.example", token: async () => tokens.shift(), fetch: recordingFetch(requests) });
  await api.GET("/api/v1/missions");
  await api.GET("/api/v1/missions");
  assert.deepEqual(requests.map((request) => request.headers.get("Authorization")), ["Bearer first", "Bearer second"]);
});
