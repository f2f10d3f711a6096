import { en } from '../i18n/en';
import type { NoteDto } from '../lib/contracts';
import { h, KeyedList } from '../lib/dom';
import { NoteEntry } from './rapporteur/entry';
import { NoteItem } from './rapporteur/notes';
import { PromoteList } from './rapporteur/questions';
import { ReportPreview } from './rapporteur/report';
import { bootStaff, run } from './shared/staff';

const s = en.rapporteur;
const page = bootStaff(s.pageTitle, { size: 'compact', showSlot: true });

if (page) {
  const { connection, shell, parts, clock } = page;
  const model = connection.model;
  const entry = new NoteEntry(page);
  const list = h('ol', { class: 'notes', attrs: { 'aria-labelledby': 'h-notes' } });
  const empty = h('p', { class: 'empty' }, s.noNotes);
  const notes = new KeyedList<NoteDto, NoteItem>(list, (n) => n.id, () => new NoteItem(page));
  const questions = new PromoteList(page);
  const preview = new ReportPreview(page);

  parts.header.append(h('div', { class: 'online-clock' }, clock.root));
  parts.main.append(h('div', { class: 'rapporteur-grid' },
    h('div', { class: 'rapporteur-col' },
      entry.root,
      h('section', { class: 'panel notes-panel', attrs: { 'aria-labelledby': 'h-notes' } }, h('h2', { id: 'h-notes' }, s.notes), empty, list)),
    h('div', { class: 'rapporteur-col' }, questions.root, preview.root)));

  let previewed = -1;
  connection.onChange(({ reset }) => {
    entry.render();
    // Newest first: the note just typed is the one the rapporteur wants to see.
    const all = [...model.notes.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.length - a.id.length || b.id.localeCompare(a.id));
    notes.render(all);
    empty.hidden = all.length > 0;
    questions.render();
    shell.gate();
    // Presence changes do not change the report's words; events do.
    if (model.version !== previewed) {
      previewed = model.version;
      preview.schedule(reset ? 0 : 800);
    }
  });

  run(page);
  entry.text.focus();
}
