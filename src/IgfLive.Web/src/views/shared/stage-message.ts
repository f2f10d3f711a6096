import { en } from '../../i18n/en';
import { limits } from '../../lib/contracts';
import { commandButton, h, setText } from '../../lib/dom';
import type { StaffPage } from './staff';

/**
 * Messages to the stage display: ready-made ones in one tap, or typed; cleared by hand or, unless
 * pinned, by the next segment or speaker (so "Wrap up" never greets the next speaker).
 */
export function stageMessagePanel(page: StaffPage): HTMLElement {
  const s = en.staff;
  const input = h('input', { id: 'stage-text', attrs: { type: 'text', maxlength: limits.stageMessage, autocomplete: 'off' } });
  const pin = h('input', { id: 'stage-pin', attrs: { type: 'checkbox' } });
  const send = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, s.stageSend);
  // Focus lands here after sending, out of the text box, so the moderator's next key is a shortcut again.
  const current = h('p', { class: 'stage-current', attrs: { tabindex: -1 } });
  const clear = commandButton(s.stageClear, () => {
    const message = page.connection.model.stageMessage;
    if (message) void page.shell.act(() => page.connection.command('ClearStageMessage', message.id), { button: clear, done: s.stageCleared });
  }, { class: 'danger small' });
  const status = h('div', { class: 'stage-status' }, current, clear);

  const sendText = async (text: string, button: HTMLButtonElement): Promise<boolean> => {
    const result = await page.shell.act(() => page.connection.command('SendStageMessage', text, pin.checked), { button, done: s.stageSent });
    if (result) current.focus();
    return result !== null;
  };
  const presets = h('div', { class: 'actions stage-presets', attrs: { role: 'group', 'aria-label': s.stagePresets } },
    ...s.stagePresetTexts.map((text) => {
      const button: HTMLButtonElement = commandButton(text, () => void sendText(text, button), { class: 'small' });
      return button;
    }));
  const form = h('form', { class: 'stage-form', attrs: { novalidate: true } },
    h('div', { class: 'field' }, h('label', { attrs: { for: 'stage-text' } }, s.stageLabel), input), send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    void sendText(text, send).then((sent) => {
      if (sent) input.value = '';
    });
  });
  page.connection.onChange(() => {
    const message = page.connection.model.stageMessage;
    setText(current, message ? `${s.stageShowing} “${message.text}”${message.pinned ? ` (${s.stagePinned})` : ''}` : s.stageNone);
    clear.hidden = !message;
    page.shell.gate(presets);
  });
  return h('section', { class: 'panel stage-message', attrs: { 'aria-labelledby': 'h-stage' } },
    h('h2', { id: 'h-stage' }, s.stageTitle), status, presets, form,
    h('div', { class: 'field check stage-pin' }, pin, h('label', { attrs: { for: 'stage-pin' } }, s.stagePin)));
}
