/**
 * Puts text on the clipboard: through the Clipboard API where the page may use it, else (plain
 * http on a venue's network is not a secure context) by selecting it in a hidden box and copying.
 * Resolves to whether it worked.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.className = 'sr-only';
    area.setAttribute('aria-hidden', 'true');
    area.tabIndex = -1;
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
