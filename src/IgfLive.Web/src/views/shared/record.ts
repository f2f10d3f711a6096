import { en } from '../../i18n/en';
import { limits, type Channel, type RecordQuestionRequest } from '../../lib/contracts';
import { h } from '../../lib/dom';
import type { StaffPage } from './staff';

let counter = 0;

/**
 * A question a moderator types in from the room or from the video-call chat. The online moderator's
 * goes into the online queue; the onsite moderator's goes straight into the room's queue (the
 * server decides by role), and can be asked at once.
 */
export function recordForm(page: StaffPage, defaultChannel: Channel, room = false): HTMLElement {
  const s = en.staff;
  const id = `rec${++counter}`;
  const text = h('textarea', { id: `${id}-text`, attrs: { rows: 2, maxlength: limits.question, required: true } });
  const name = h('input', { id: `${id}-name`, attrs: { type: 'text', maxlength: limits.name } });
  const org = h('input', { id: `${id}-org`, attrs: { type: 'text', maxlength: limits.organisation } });
  const group = h('select', { id: `${id}-group` }, h('option', { attrs: { value: '' } }, '—'),
    ...Object.entries(en.common.stakeholderGroups).map(([value, label]) => h('option', { attrs: { value } }, label)));
  const speaker = h('select', { id: `${id}-speaker` });
  const floor = h('input', { id: `${id}-floor`, attrs: { type: 'radio', name: `${id}-channel`, value: 'Floor', checked: defaultChannel === 'Floor' } });
  const chat = h('input', { id: `${id}-chat`, attrs: { type: 'radio', name: `${id}-channel`, value: 'Online', checked: defaultChannel === 'Online' } });
  const submit = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, room ? s.recordToRoom : s.recordSubmit);
  const askNow = h('button', { attrs: { type: 'button', 'data-cmd': true, 'aria-describedby': `${id}-why` } }, s.recordAskNow);
  const why = h('p', { id: `${id}-why`, class: 'hint', attrs: { hidden: true } }, s.recordAskNowWhy);
  const field = (forId: string, label: string, control: HTMLElement) => h('div', { class: 'field' }, h('label', { attrs: { for: forId } }, label), control);
  const form = h('form', { class: 'record-form', attrs: { novalidate: true } },
    field(text.id, s.recordText, text),
    h('fieldset', { class: 'channel' }, h('legend', null, s.recordChannel),
      h('div', { class: 'field check' }, floor, h('label', { attrs: { for: floor.id } }, s.recordFloor)),
      h('div', { class: 'field check' }, chat, h('label', { attrs: { for: chat.id } }, s.recordChat))),
    h('div', { class: 'row' }, field(name.id, s.name, name), field(org.id, s.organisation, org), field(group.id, s.group, group), field(speaker.id, s.speaker, speaker)),
    h('div', { class: 'actions' }, submit, room ? askNow : null),
    room ? why : null);
  page.connection.onChange(() => {
    // One question at a time is asked: "ask now" waits until the live one is answered.
    const busy = page.connection.model.liveQuestionId !== null;
    askNow.dataset['off'] = String(busy);
    why.hidden = !busy;
    page.shell.gate(form);
    const speakers = page.connection.model.session.speakers;
    if (speaker.options.length === speakers.length + 1) return;
    const chosen = speaker.value;
    speaker.replaceChildren(h('option', { attrs: { value: '' } }, s.anyone), ...speakers.map((sp) => h('option', { attrs: { value: sp.id } }, sp.name)));
    speaker.value = chosen;
  });
  const send = async (now: boolean, button: HTMLButtonElement) => {
    if (!text.value.trim()) {
      page.shell.error(s.required(s.recordText));
      text.focus();
      return;
    }
    const request: RecordQuestionRequest = {
      text: text.value.trim(),
      name: name.value.trim() || null,
      organisation: org.value.trim() || null,
      stakeholderGroup: group.value || null,
      channel: chat.checked ? 'Online' : 'Floor',
      addressedTo: speaker.value || null,
      askNow: now,
    };
    const done = now ? s.recordedAsked : room ? s.recordedToRoom : s.recorded;
    const result = await page.shell.act(() => page.connection.command('RecordQuestion', request), { button, done });
    if (result) {
      text.value = '';
      name.value = '';
      org.value = '';
      group.value = '';
      speaker.value = '';
      // In the room the keys go back to the clock; online, the next chat question is typed straight away.
      if (room) (form.closest('details')?.querySelector('summary') ?? document.body).focus();
      else text.focus();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(false, submit);
  });
  askNow.addEventListener('click', () => void send(true, askNow));
  return form;
}
