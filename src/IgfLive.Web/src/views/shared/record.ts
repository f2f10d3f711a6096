import { en } from '../../i18n/en';
import { limits, type Channel } from '../../lib/contracts';
import { h } from '../../lib/dom';
import type { StaffPage } from './staff';

let counter = 0;

/** A question a moderator types in from the room or from the video-call chat. */
export function recordForm(page: StaffPage, defaultChannel: Channel): HTMLElement {
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
  const submit = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, s.recordSubmit);
  const field = (forId: string, label: string, control: HTMLElement) => h('div', { class: 'field' }, h('label', { attrs: { for: forId } }, label), control);
  const form = h('form', { class: 'record-form', attrs: { novalidate: true } },
    field(text.id, s.recordText, text),
    h('fieldset', { class: 'channel' }, h('legend', null, s.recordChannel),
      h('div', { class: 'field check' }, floor, h('label', { attrs: { for: floor.id } }, s.recordFloor)),
      h('div', { class: 'field check' }, chat, h('label', { attrs: { for: chat.id } }, s.recordChat))),
    h('div', { class: 'row' }, field(name.id, s.name, name), field(org.id, s.organisation, org), field(group.id, s.group, group), field(speaker.id, s.speaker, speaker)),
    submit);
  page.connection.onChange(() => {
    const speakers = page.connection.model.session.speakers;
    if (speaker.options.length === speakers.length + 1) return;
    const chosen = speaker.value;
    speaker.replaceChildren(h('option', { attrs: { value: '' } }, s.anyone), ...speakers.map((sp) => h('option', { attrs: { value: sp.id } }, sp.name)));
    speaker.value = chosen;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      if (!text.value.trim()) {
        page.shell.error(s.required(s.recordText));
        text.focus();
        return;
      }
      const request = {
        text: text.value.trim(),
        name: name.value.trim() || null,
        organisation: org.value.trim() || null,
        stakeholderGroup: group.value || null,
        channel: chat.checked ? 'Online' : 'Floor',
        addressedTo: speaker.value || null,
      };
      const result = await page.shell.act(() => page.connection.command('RecordQuestion', request), { button: submit, done: s.recorded });
      if (result) {
        text.value = '';
        name.value = '';
        org.value = '';
        group.value = '';
        speaker.value = '';
        text.focus();
      }
    })();
  });
  return form;
}
