// Files a mission request as a requesting partner and reads it back, through the gateway, with
// @cpa/client: a wrong path, field or enum value does not compile.
import { createCpaClient, type MissionRequest, type NewMissionRequest, type Problem } from "@cpa/client";

export async function fileAndRead(baseUrl: string, partnerToken: string, missionId: string): Promise<MissionRequest> {
  const api = createCpaClient({ baseUrl, token: () => partnerToken });
  const request: NewMissionRequest = {
    missionId,
    requestingOrganization: { type: "UNITED_NATIONS" },
    positions: [
      { role: "TRAINING_MENTORING_MONITORING", count: 2, languages: ["fr"], minYearsOfService: 5, memberType: "SWORN_OFFICER" },
    ],
    durationMonths: 12,
    justification: "Mentoring of the national police ahead of the elections.",
  };
  const filed = await api.POST("/api/v1/mission-requests", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: request,
  });
  if (filed.error !== undefined) {
    throw new Error(`filing answered ${filed.response.status}: ${describe(filed.error)}`);
  }
  // response fields are optional in the document, so the compiler makes us check what we use
  const id = filed.data.id;
  if (id === undefined) {
    throw new Error("the created request has no id");
  }
  const read = await api.GET("/api/v1/mission-requests/{id}", { params: { path: { id } } });
  if (read.error !== undefined) {
    throw new Error(`reading answered ${read.response.status}: ${describe(read.error)}`);
  }
  return read.data;
}

function describe(problem: Problem): string {
  return `${problem.title}: ${problem.detail ?? ""}`;
}

const [baseUrl, token, missionId] = [process.env.CPA_URL, process.env.CPA_PARTNER_TOKEN, process.env.CPA_MISSION_ID];
if (baseUrl && token && missionId) {
  const filed = await fileAndRead(baseUrl, token, missionId);
  console.log(JSON.stringify({ id: filed.id, status: filed.status, positions: filed.positions?.length ?? 0 }));
}
