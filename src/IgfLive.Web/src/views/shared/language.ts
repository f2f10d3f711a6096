import type { ParticipantStrings } from '../../i18n/en';
import { languages, rememberLanguage, stringsFor } from '../../i18n/index';
import { h } from '../../lib/dom';

/** The language picker of the public pages; the choice is remembered for the next visit. */
export function languageSwitch(current: string, onChange: (code: string) => void): HTMLElement {
  const select = h('select', { id: 'lang' }, ...Object.entries(languages).map(([code, l]) => h('option', { attrs: { value: code, lang: code } }, l.name)));
  select.value = current;
  select.addEventListener('change', () => {
    rememberLanguage(select.value);
    onChange(select.value);
  });
  return h('div', { class: 'lang' }, h('label', { attrs: { for: 'lang' } }, stringsFor(current).participant.language), select);
}

/** The page's language, including the parts of the page that are not rebuilt (the skip link). */
export function setLanguage(s: ParticipantStrings): void {
  document.documentElement.lang = s.lang;
  const skip = document.querySelector('.skip');
  if (skip) skip.textContent = s.common.skip;
}
