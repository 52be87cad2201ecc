/*
 * jukiflow: small Japanese touches Tasklist 7.24 has no setting for, loaded through config.js (customScripts).
 *
 * - A task's or process's tenant is shown by the municipality's name (奥尻町), not by its code (013676); the names
 *   come from the public API /api/v1/municipalities. The code stays in the tooltip.
 * - The form-js validation messages and the select's placeholder (English in this version) read in Japanese.
 *
 * Both watch the page (Tasklist renders as the clerk moves between tasks) and change only text they recognise.
 */
const ERRORS = [
  [/^Field is required\.?$/, () => '入力してください。'],
  [/^Field must match pattern .*$/, () => '形式が正しくありません。説明の例のとおりに入力してください。'],
  [/^Field must have maximum length of (\d+)\.?$/, (m) => m[1] + '文字以内で入力してください。'],
  [/^Field must have minimum length of (\d+)\.?$/, (m) => m[1] + '文字以上で入力してください。'],
  [/^Field must have maximum value of (.+?)\.?$/, (m) => m[1] + '以下の値を入力してください。'],
  [/^Field must have minimum value of (.+?)\.?$/, (m) => m[1] + '以上の値を入力してください。'],
  [/^Field must be a valid email\.?$/, () => 'メールアドレスの形式が正しくありません。'],
  [/^Value is not a number\.?$/, () => '数字で入力してください。']
];

let names = {};

function japaneseError(text) {
  for (const [pattern, message] of ERRORS) {
    const m = text.match(pattern);
    if (m) {
      return message(m);
    }
  }
  return null;
}

/*
 * Changes the text node in place (never replaces it): Tasklist (AngularJS) and form-js (Preact) keep writing into the
 * node they rendered, and a later value of theirs is then seen and translated again.
 */
function rewrite(el, translate) {
  const node = el.childNodes.length === 1 && el.firstChild.nodeType === Node.TEXT_NODE ? el.firstChild : null;
  if (node) {
    const text = translate(node.nodeValue.trim());
    if (text && node.nodeValue !== text) {
      node.nodeValue = text;
    }
  }
}

function relabel(root) {
  root.querySelectorAll('.tenant-id').forEach((el) => rewrite(el, (code) => names[code]));
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span').forEach((el) =>
    rewrite(el, japaneseError));
  root.querySelectorAll('.fjs-select-placeholder').forEach((el) =>
    rewrite(el, (text) => (text === 'Select' ? '選択してください' : null)));
}

function watch() {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        relabel(document.body);
      });
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  relabel(document.body);
}

fetch('/api/v1/municipalities', {headers: {Accept: 'application/json'}})
  .then((response) => (response.ok ? response.json() : []))
  .then((municipalities) => {
    names = Object.fromEntries((municipalities || []).map((m) => [m.code, m.name]));
  })
  .catch(() => {})
  .finally(watch);

export default [];
