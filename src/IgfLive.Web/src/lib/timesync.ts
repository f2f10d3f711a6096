/**
 * Estimates server time minus local time, NTP-style: several round trips, keeping the one with
 * the shortest round trip (the least queuing), and assuming the server read its clock halfway.
 */
export async function measureOffset(serverTime: () => Promise<number>, samples = 5): Promise<number> {
  let best: { rtt: number; offset: number } | null = null;
  for (let i = 0; i < samples; i++) {
    const sent = Date.now();
    const server = await serverTime();
    const received = Date.now();
    const rtt = received - sent;
    const offset = server - (sent + received) / 2;
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  return best?.offset ?? 0;
}
