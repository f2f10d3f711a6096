import type { StaffPage } from '../shared/staff';

/** Drag a queued question onto another to put it there; the server decides the final order. */
export function enableDrag(page: StaffPage, ol: HTMLOListElement, move: (id: string, position: number) => void): void {
  let dragged: string | null = null;
  const clear = () => ol.querySelectorAll('.drop-before, .drop-after').forEach((el) => el.classList.remove('drop-before', 'drop-after'));
  ol.addEventListener('dragstart', (event) => {
    const li = (event.target as HTMLElement).closest('li');
    if (!li?.dataset['id'] || !page.connection.connected) return event.preventDefault();
    dragged = li.dataset['id'];
    event.dataTransfer?.setData('text/plain', dragged);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    li.classList.add('dragging');
  });
  ol.addEventListener('dragover', (event) => {
    const li = (event.target as HTMLElement).closest('li');
    if (!dragged || !li) return;
    event.preventDefault();
    clear();
    const below = event.clientY > li.getBoundingClientRect().top + li.offsetHeight / 2;
    li.classList.add(below ? 'drop-after' : 'drop-before');
  });
  ol.addEventListener('dragleave', (event) => {
    if (!ol.contains(event.relatedTarget as Node | null)) clear();
  });
  ol.addEventListener('drop', (event) => {
    const li = (event.target as HTMLElement).closest('li');
    event.preventDefault();
    const below = li?.classList.contains('drop-after') ?? false;
    clear();
    if (!dragged || !li?.dataset['id'] || li.dataset['id'] === dragged) return;
    const queue = page.connection.model.onlineQueue;
    const from = queue.indexOf(dragged);
    let to = queue.indexOf(li.dataset['id']) + (below ? 1 : 0);
    if (from < to) to -= 1;
    if (from !== to) move(dragged, to);
  });
  ol.addEventListener('dragend', () => {
    dragged = null;
    clear();
    ol.querySelectorAll('.dragging').forEach((el) => el.classList.remove('dragging'));
  });
}
