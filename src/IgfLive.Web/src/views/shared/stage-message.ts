import { en } from '../../i18n/en';
import { limits } from '../../lib/contracts';
import { commandButton, h, setText } from '../../lib/dom';
import type { StaffPage } from './staff';

/** Send a short message to the stage display, and clear it. */
export function stageMessagePanel(page: StaffPage): HTMLElement {
  const s = en.staff;
  const input = h('input', { id: 'stage-text', attrs: { type: 'text', maxlength: limits.stageMessage, autocomplete: 'off' } });
  const send = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, s.stageSend);
  const current = h('p', { class: 'stage-current' });
  const clear = commandButton(s.stageClear, () => {
    const message = page.connection.model.stageMessage;
    if (message) void page.shell.act(() => page.connection.command('ClearStageMessage', message.id), { button: clear, done: s.stageCleared });
  }, { class: 'danger' });
  const status = h('div', { class: 'stage-status' }, current, clear);
  const form = h('form', { class: 'stage-form', attrs: { novalidate: true } },
    h('div', { class: 'field' }, h('label', { attrs: { for: 'stage-text' } }, s.stageLabel), input), send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    void page.shell.act(() => page.connection.command('SendStageMessage', text, false), { button: send, done: s.stageSent }).then((result) => {
      if (result) input.value = '';
    });
  });
  page.connection.onChange(() => {
    const message = page.connection.model.stageMessage;
    setText(current, message ? `${s.stageShowing} “${message.text}”` : s.stageNone);
    clear.hidden = !message;
  });
  return h('section', { class: 'panel stage-message', attrs: { 'aria-labelledby': 'h-stage' } }, h('h2', { id: 'h-stage' }, s.stageTitle), status, form);
}
