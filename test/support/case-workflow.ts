import type { StaffLogin } from './staff';
import type { TestServer } from './test-server';

/** One step of the status machine through the staff API; throws unless it was taken. */
export async function transition(
  server: TestServer,
  login: StaffLogin,
  caseId: string,
  body: Record<string, unknown>,
): Promise<void> {
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/transitions`,
    headers: login.headers,
    payload: body,
  });
  if (res.statusCode !== 200) {
    throw new Error(`transition to ${String(body.to)}: ${res.statusCode} ${res.body}`);
  }
}

/** Takes a submitted case to `assigned` (the administrator triages, names the legal expert). */
export async function assignCase(
  server: TestServer,
  admin: StaffLogin,
  caseId: string,
  expertId: string,
): Promise<void> {
  await transition(server, admin, caseId, { to: 'in_review' });
  await transition(server, admin, caseId, { to: 'assigned', assigneeId: expertId });
}

/** A staff API call that must succeed; returns its JSON. */
export async function staffCall<T = unknown>(
  server: TestServer,
  login: StaffLogin,
  method: 'GET' | 'POST',
  url: string,
  payload?: Record<string, unknown>,
): Promise<T> {
  const res = await server.app.inject({
    method,
    url,
    headers: login.headers,
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
