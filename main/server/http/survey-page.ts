import type { Survey } from '../../../shared/schemas';

/** HTML-escapes text for element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `
:root{color-scheme:light dark;--bg:#f4f6fb;--card:#fff;--text:#1b2333;--muted:#5b6578;--accent:#1f5fd6;--border:#d5dbe7;--ok:#1d7a46;--err:#b42318}
@media (prefers-color-scheme:dark){:root{--bg:#0f141d;--card:#182131;--text:#e8edf6;--muted:#a3aec2;--accent:#7aa7ff;--border:#2c3a52;--ok:#5fd494;--err:#ff8a80}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--text)}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}.card{background:var(--card);border:1px solid var(--border);border-radius:12px;padding:1.5rem 1.75rem}
h1{font-size:1.4rem;margin:0 0 .25rem}.muted{color:var(--muted);margin:0 0 1.25rem}fieldset{border:0;padding:0;margin:0 0 1.25rem}
legend{font-weight:600;margin-bottom:.75rem}.scale{display:flex;flex-wrap:wrap;gap:.5rem}.scale label{position:relative}
.scale input{position:absolute;opacity:0;width:1px;height:1px}.scale span{display:inline-flex;align-items:center;justify-content:center;min-width:3rem;height:3rem;padding:0 .6rem;border:1px solid var(--border);border-radius:10px;font-weight:600;cursor:pointer;background:var(--card)}
.scale input:checked+span{background:var(--accent);border-color:var(--accent);color:#fff}.scale input:focus-visible+span{outline:3px solid var(--accent);outline-offset:2px}
.ends{display:flex;justify-content:space-between;color:var(--muted);font-size:.875rem;margin-top:.4rem}
label.block{display:block;font-weight:600;margin-bottom:.4rem}textarea{width:100%;min-height:6rem;font:inherit;padding:.6rem;border:1px solid var(--border);border-radius:8px;background:var(--card);color:var(--text)}
textarea:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
button{margin-top:1rem;font:inherit;font-weight:600;padding:.7rem 1.4rem;border:0;border-radius:8px;background:var(--accent);color:#fff;cursor:pointer}
.ok{color:var(--ok)}.err{color:var(--err)}footer{color:var(--muted);font-size:.8rem;text-align:center;margin-top:1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">
${body}
</div>
<footer>Central de atendimento · Atende</footer>
</main>
</body>
</html>`;
}

const CSAT_LABELS = ['Muito insatisfeito', 'Insatisfeito', 'Neutro', 'Satisfeito', 'Muito satisfeito'];

/** The answer form for an open survey: a plain HTML form (no script) that posts back to the same address. */
export function surveyFormPage(kind: Survey['kind'], ticketNumber: number | null, action: string, error: string | null = null): string {
  const about = ticketNumber ? `Sobre o atendimento #${ticketNumber}.` : 'Sobre o seu atendimento.';
  const options =
    kind === 'csat'
      ? CSAT_LABELS.map((label, i) => `<label><input type="radio" name="score" value="${i + 1}" required aria-label="${i + 1} — ${escapeHtml(label)}"><span aria-hidden="true">${i + 1}</span></label>`).join('')
      : Array.from({ length: 11 }, (_, i) => `<label><input type="radio" name="score" value="${i}" required aria-label="${i}"><span aria-hidden="true">${i}</span></label>`).join('');
  const question = kind === 'csat' ? 'Como você avalia o atendimento que recebeu?' : 'Em uma escala de 0 a 10, quanto você recomendaria nossa empresa a um amigo ou familiar?';
  const ends = kind === 'csat' ? ['1 — Muito insatisfeito', '5 — Muito satisfeito'] : ['0 — Nada provável', '10 — Extremamente provável'];
  return page(
    'Pesquisa de satisfação',
    `<h1>Pesquisa de satisfação</h1>
<p class="muted">${escapeHtml(about)} Leva menos de um minuto.</p>
${error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<fieldset>
<legend>${escapeHtml(question)}</legend>
<div class="scale">${options}</div>
<div class="ends" aria-hidden="true"><span>${escapeHtml(ends[0] as string)}</span><span>${escapeHtml(ends[1] as string)}</span></div>
</fieldset>
<label class="block" for="comment">Quer deixar um comentário? (opcional)</label>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<button type="submit">Enviar resposta</button>
</form>`,
  );
}

/** A page with one message (thanks, already answered, expired, unknown). */
export function surveyMessagePage(title: string, message: string, tone: 'ok' | 'err'): string {
  return page(title, `<h1 class="${tone}">${escapeHtml(title)}</h1>\n<p role="${tone === 'err' ? 'alert' : 'status'}">${escapeHtml(message)}</p>`);
}
