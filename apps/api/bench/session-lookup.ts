/**
 * Per-request authentication cost: every API call resolves its session cookie against
 * Postgres. Compares an authenticated request with `/healthz` (no session, no query).
 */
import { hashPassword } from '../src/auth/passwords';
import { type BenchServer, ms, paced, saturated } from './harness';

export async function benchSessionLookup(server: BenchServer) {
  await server.db
    .insertInto('staff_user')
    .values({
      username: 'bench',
      display_name: 'Bench',
      password_hash: await hashPassword('bench-password-1'),
      roles: ['reviewer'],
    })
    .execute();
  const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench-password-1' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const authenticated = async () => {
    const response = await fetch(`${server.baseUrl}/api/auth/session`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(String(response.status));
  };
  const baseline = async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    await response.arrayBuffer();
  };

  await saturated(authenticated, 8, 1); // warm up pools and JIT
  const latency = await paced(authenticated, 200, 5);
  const withSession = await saturated(authenticated, 16, 5);
  const without = await saturated(baseline, 16, 5);

  console.log('session lookup — GET /api/auth/session');
  console.log(
    `  paced 200/s x 5 s:     p50 ${ms(latency.p50)}  p99 ${ms(latency.p99)}  (${latency.count} ok, ${latency.errors} errors)`,
  );
  console.log(`  saturated, 16 clients: ${withSession.perSecond.toFixed(0)} req/s authenticated`);
  console.log(`  baseline /healthz:     ${without.perSecond.toFixed(0)} req/s`);
  console.log(`  ratio:                 ${(withSession.perSecond / without.perSecond).toFixed(2)}x of baseline`);
}
