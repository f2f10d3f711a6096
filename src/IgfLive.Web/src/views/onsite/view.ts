import { en } from '../../i18n/en';
import { formatDuration } from '../../lib/clock';
import { h, setText } from '../../lib/dom';
import { ClockControls } from './controls';
import { OnsiteQueue } from './queue';
import { recordForm } from '../shared/record';
import { stageMessagePanel } from '../shared/stage-message';
import { bootStaff, presenceBadge, questionsSwitch, run, type StaffLink, type StaffPage } from '../shared/staff';

const s = en.onsite;

/**
 * The onsite moderator's view of one session: from its own link, or of the session a room desk
 * hands it (`link`). Answers the page, or null when the link was bad (the page says why).
 */
export function showOnsite(link?: StaffLink): StaffPage | null {
  const page = bootStaff(s.pageTitle, { size: 'big', showSlot: true, showSessionEnd: true }, (p) => [presenceBadge(p)], link);
  if (!page) return null;
  const { connection, shell, parts, clock } = page;
  const model = connection.model;
  const controls = new ClockControls(page);
  const queue = new OnsiteQueue(page);
  const drift = h('p', { class: 'drift', attrs: { 'data-volatile': true } });
  const takeaways = h('p', { class: 'takeaways-cue', attrs: { role: 'alert', hidden: true } });
  const record = h('details', { class: 'panel record' }, h('summary', null, en.staff.recordTitle), recordForm(page, 'Floor', true));

  // What the moderator must always see stays pinned in view: the clock, its controls, the stage
  // message and the question being asked. On a wide screen the clock's column stays put while the
  // other scrolls, and the live question heads that column; on a narrow one (a tablet upright)
  // the live question joins the pinned block.
  const pinned = h('div', { class: 'onsite-pinned' }, takeaways, h('div', { class: 'panel clock-panel' }, clock.root, drift), controls.root, stageMessagePanel(page));
  queue.queue.append(questionsSwitch(page));
  const side = h('div', { class: 'onsite-side' }, queue.queue, controls.agenda, record);
  parts.main.append(h('div', { class: 'onsite-grid' }, pinned, side));
  const narrow = window.matchMedia('(max-width: 60rem)');
  const place = () => {
    if (narrow.matches) controls.root.after(queue.live);
    else side.prepend(queue.live);
  };
  narrow.addEventListener('change', place);
  place();

  const renderTakeaways = () => {
    const show = model.cueRaised('Takeaways') && model.clock.status !== 'Ended';
    takeaways.hidden = !show;
    setText(takeaways, s.takeaways(Math.round(model.session.thresholds.takeawaysSeconds / 60)));
  };

  connection.onChange(() => {
    controls.render();
    queue.render();
    renderTakeaways();
    shell.gate();
  });

  connection.onHappening((happening) => {
    if (happening.kind === 'cue') {
      const title = model.clock.segmentTitle;
      const cue = happening.cue;
      const text = cue === 'Takeaways'
        ? s.takeaways(Math.round(model.session.thresholds.takeawaysSeconds / 60))
        : cue === 'Warning' ? en.common.cue.Warning(title) : cue === 'Critical' ? en.common.cue.Critical(title) : en.common.cue.Overtime(title);
      shell.announce(text, cue === 'Takeaways' || cue === 'Overtime');
    } else if (happening.kind === 'question') {
      if (happening.type === 'QuestionForwarded') shell.announce(s.newForwarded(happening.question.text));
      queue.refreshAdvice();
    } else if (happening.kind === 'segment') {
      shell.announce(en.common.nowSegment(happening.title));
      queue.refreshAdvice();
    }
  });

  run(page, () => {
    const reading = clock.last;
    if (!reading || !model.loaded) return;
    const status = model.clock.status;
    drift.hidden = status === 'NotStarted' || status === 'Ended';
    const late = reading.driftMs;
    setText(drift, Math.abs(late) < 60_000 ? s.onTime : late > 0 ? s.late(formatDuration(late / 1000)) : s.early(formatDuration(-late / 1000)));
    drift.dataset['late'] = String(late >= 60_000);
  });
  return page;
}
