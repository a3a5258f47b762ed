// The section editor: a live preview rendered by the server (the same sanitised rendering as the report)
// and a button that inserts a figures block at the cursor. Without JavaScript the form still works.
const form = document.getElementById('section-form');
const body = document.getElementById('body');
const preview = document.getElementById('preview');
const insert = document.getElementById('insert-figures');
const kind = document.getElementById('figures-kind');

if (form && body && preview) {
  const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
  let timer = 0;
  let latest = 0;
  const refresh = async () => {
    const request = ++latest;
    const data = new URLSearchParams({ body: body.value, __RequestVerificationToken: token });
    try {
      const response = await fetch(form.dataset.preview, { method: 'POST', body: data, credentials: 'same-origin' });
      if (response.ok && request === latest) preview.innerHTML = await response.text();
    } catch { /* the saved text is unaffected; the preview catches up on the next change */ }
  };
  body.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 400); });

  if (insert && kind) {
    insert.hidden = false;
    insert.addEventListener('click', () => {
      const line = `{{figures:${kind.value}}}`;
      const start = body.selectionStart ?? body.value.length;
      const before = body.value.slice(0, start);
      const after = body.value.slice(body.selectionEnd ?? start);
      const text = (before.length && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '') + line + '\n\n';
      body.value = before + text + after.replace(/^\n+/, '');
      body.focus();
      body.selectionStart = body.selectionEnd = before.length + text.length;
      refresh();
    });
  }
}
