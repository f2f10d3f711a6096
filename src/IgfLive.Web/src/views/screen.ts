import { en } from '../i18n/en';
import type { SessionSummary } from '../lib/contracts';
import { h, setText } from '../lib/dom';
import { appRoot, clockTime, fatal } from '../lib/page';
import { qrCode } from '../lib/qr';
import { keepScreenAwake } from '../lib/wakelock';

// The room's join screen (/screen/{code}): for the projector before a session and between its
// parts — the title, where to go, the code in letters a room can read, and a QR code to scan.
// Public: it shows nothing the participant link does not already give.

const s = en.screen;
const app = appRoot();
const match = /^\/screen\/([^/]+)\/?$/.exec(location.pathname);
const code = match ? decodeURIComponent(match[1]!).trim().toUpperCase() : null;

async function summary(): Promise<SessionSummary | null> {
  const response = await fetch(`/api/sessions/by-code/${encodeURIComponent(code!)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  return response.ok ? ((await response.json()) as SessionSummary) : null;
}

if (!code) {
  fatal(app, s.pageTitle, en.common.missingSession);
} else {
  const joinUrl = `${location.origin}/join/${encodeURIComponent(code)}`;
  const title = h('h1', { class: 'screen-title' });
  const when = h('p', { class: 'screen-when' });
  const main = h('main', { id: 'main', class: 'screen-main' },
    title, when,
    h('div', { class: 'screen-join' },
      h('div', { class: 'screen-words' },
        h('p', { class: 'screen-lead' }, s.lead),
        h('p', { class: 'screen-address' }, `${location.host}/join`),
        h('p', { class: 'screen-code-label' }, s.code),
        h('p', { class: 'screen-code', attrs: { 'data-code': code } }, code),
        h('p', { class: 'screen-scan' }, s.scan)),
      h('div', { class: 'screen-qr' }, qrCode(joinUrl, s.qrLabel(joinUrl)))));
  app.replaceChildren(main);
  keepScreenAwake(document.body);

  const show = async () => {
    try {
      const found = await summary();
      if (!found) {
        fatal(app, s.pageTitle, s.notFound);
        return;
      }
      const { session, clock } = found;
      document.title = `${s.pageTitle} · ${session.title} · IgfLive`;
      setText(title, session.title);
      const zone = session.timeZone;
      setText(when, [session.room, clock.status === 'Ended' ? en.common.sessionEnded
        : clock.status === 'NotStarted' ? en.common.startsAt(clockTime(session.startsAt, zone))
          : s.now(clock.segmentTitle)].filter(Boolean).join(' · '));
    } catch {
      // Offline for a moment: what is on screen stays; the next refresh tries again.
    }
  };
  void show();
  window.setInterval(() => void show(), 30_000);
}
