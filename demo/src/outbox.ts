import { currentLang } from './lang.ts';

interface OutboxItem {
  to: string;
  subject: string;
  body?: string;
  createdAt: string;
}

const container = document.querySelector<HTMLElement>('#outbox')!;
const api = container.dataset.api ?? __PASSERELLE_API__;

/** The six-digit code at the end of a sign-in email's subject. */
const codeOf = (subject: string) => /(\d{6})\s*$/.exec(subject)?.[1];

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  if (tag === 'th') el.setAttribute('scope', 'col');
  return el;
}

let lastRendered = '';

function render(items: OutboxItem[]): void {
  const en = currentLang() === 'en';
  const key = JSON.stringify([en, items]);
  // Re-render only on change, so polling neither moves the reader's focus nor repeats itself to screen readers.
  if (key === lastRendered) return;
  lastRendered = key;
  if (items.length === 0) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = en ? 'No email yet. Ask for a sign-in code on any page while “Not signed in” is chosen.' : 'Aucun courriel pour l’instant. Demandez un code de connexion sur n’importe quelle page en choisissant « Non connecté·e ».';
    container.replaceChildren(p);
    return;
  }
  const fmt = new Intl.DateTimeFormat(en ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'medium' });
  const table = document.createElement('table');
  table.className = 'outbox-table';
  const caption = document.createElement('caption');
  caption.textContent = en
    ? `${items.length === 1 ? 'One email' : `${items.length} most recent emails`}, newest first`
    : `${items.length === 1 ? 'Un courriel' : `Les ${items.length} courriels les plus récents`}, du plus récent au plus ancien`;
  const head = document.createElement('tr');
  head.append(cell('th', en ? 'Received' : 'Reçu'), cell('th', en ? 'To' : 'Destinataire'), cell('th', en ? 'Subject' : 'Objet'), cell('th', 'Code'));
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const item of items) {
    const tr = document.createElement('tr');
    tr.append(cell('td', fmt.format(new Date(item.createdAt))), cell('td', item.to), cell('td', item.subject), cell('td', codeOf(item.subject) ?? '—', 'code'));
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  container.replaceChildren(table);
}

async function refresh(): Promise<void> {
  try {
    const res = await fetch(`${api}/v1/dev/outbox`, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (res.status === 404) throw new Error(currentLang() === 'en' ? 'The API has no dev outbox: it is not in development mode (PASSERELLE_DEV=1).' : 'L’API n’a pas de boîte d’envoi de développement : elle ne tourne pas en mode développement (PASSERELLE_DEV=1).');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    render(((await res.json()) as { items: OutboxItem[] }).items);
  } catch (err) {
    const p = document.createElement('p');
    p.className = 'notice';
    p.setAttribute('role', 'alert');
    const reason = err instanceof Error ? err.message : String(err);
    p.textContent = currentLang() === 'en' ? `Could not read the outbox at ${api}: ${reason}` : `Impossible de lire la boîte d’envoi de ${api} : ${reason}`;
    lastRendered = '';
    container.replaceChildren(p);
  }
}

document.querySelector('#outbox-refresh')?.addEventListener('click', () => void refresh());
document.addEventListener('demo-lang-change', () => void refresh());
void refresh();
setInterval(() => void refresh(), 3000);
