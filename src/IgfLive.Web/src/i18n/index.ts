import { en, type ParticipantStrings } from './en';
import { es } from './es';
import { fr } from './fr';

export const languages: Record<string, { name: string; strings: ParticipantStrings }> = {
  en: { name: 'English', strings: en },
  fr: { name: 'Français', strings: fr },
  es: { name: 'Español', strings: es },
};

const storageKey = 'igflive.language';

/** The visitor's language: their earlier choice, else the browser's, else English. */
export function pickLanguage(): string {
  const chosen = safeStorage()?.getItem(storageKey);
  if (chosen && languages[chosen]) return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (languages[base]) return base;
  }
  return 'en';
}

export function rememberLanguage(code: string): void {
  safeStorage()?.setItem(storageKey, code);
}

export function stringsFor(code: string): ParticipantStrings {
  return languages[code]?.strings ?? en;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
