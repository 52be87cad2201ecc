/*
 * jukiflow: the PIN pad the clerk turns toward the resident (/staff/pin-pad/{id} and /staff/new-pin-pad/{id}).
 * The digits live only in this script's memory: never in the DOM, a cookie or the browser's storage. The form says
 * how many entries it asks for: data-entries="1" (the PIN, field "pin"), or "2" (a new PIN and its confirmation,
 * fields "pin" and "pinConfirmation"; #pin-prompt carries the two prompts as data-first / data-second).
 */
(function () {
  'use strict';
  var form = document.getElementById('pin-form');
  var twice = form.getAttribute('data-entries') === '2';
  var csrfInput = form.querySelector('input[type="hidden"]');
  var csrfName = csrfInput ? csrfInput.name : null;
  var csrfValue = csrfInput ? csrfInput.value : null;
  var digits = [];
  var first = null;         // the first of two entries, kept in memory while the resident keys it again
  var sending = false;
  var dots = document.querySelectorAll('#pin-dots .dot');
  var enter = document.getElementById('pin-enter');
  var prompt = document.getElementById('pin-prompt');
  var step = document.getElementById('pin-step');
  document.getElementById('pin-keys').hidden = false;

  function show() {
    for (var i = 0; i < dots.length; i++) {
      dots[i].classList.toggle('filled', i < digits.length);
    }
    document.getElementById('pin-dots').setAttribute('aria-label', '入力済み ' + digits.length + ' 桁');
    enter.disabled = digits.length !== 4 || sending;
    if (twice) {
      prompt.textContent = prompt.getAttribute(first === null ? 'data-first' : 'data-second');
      step.textContent = first === null ? '1回目の入力' : '2回目の入力（確認）';
    }
  }
  function wipe(a) {
    if (a) { for (var i = 0; i < a.length; i++) { a[i] = ''; } }
  }
  function press(d) {
    if (!sending && digits.length < 4) { digits.push(d); show(); }
  }
  function clearAll() {
    wipe(digits);
    digits = [];
    show();
  }
  function forgetAll() {
    wipe(first);
    first = null;
    clearAll();
  }
  function submit() {
    if (sending || digits.length !== 4) { return; }
    if (twice && first === null) {
      first = digits;
      digits = [];
      var error = document.getElementById('pin-error');
      if (error) { error.remove(); }
      show();
      return;
    }
    sending = true;
    show();
    var body = new URLSearchParams();
    if (twice) {
      body.append('pin', first.join(''));
      body.append('pinConfirmation', digits.join(''));
    } else {
      body.append('pin', digits.join(''));
    }
    if (csrfName) { body.append(csrfName, csrfValue); }
    forgetAll();
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin', cache: 'no-store',
                         redirect: 'follow' })
      .then(function (response) {
        body = null;
        if (response.redirected) {
          window.location.replace(response.url);
        } else {
          return response.text().then(function (html) {
            document.open(); document.write(html); document.close();
          });
        }
      })
      .catch(function () {
        body = null;
        sending = false;
        show();
        alert(twice ? '通信できませんでした。もう一度、最初から入力してください。'
                    : '通信できませんでした。もう一度入力してください。');
      });
  }
  document.querySelectorAll('#pin-keys [data-digit]').forEach(function (b) {
    b.addEventListener('click', function () { press(b.getAttribute('data-digit')); });
  });
  document.getElementById('pin-clear').addEventListener('click', clearAll);
  enter.addEventListener('click', submit);
  document.addEventListener('keydown', function (e) {
    if (e.key >= '0' && e.key <= '9' && e.key.length === 1) { press(e.key); e.preventDefault(); }
    else if (e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Escape') { clearAll(); e.preventDefault(); }
    else if (e.key === 'Enter') { submit(); e.preventDefault(); }
  });
  // nothing survives the page: clear before it is left or put into the back/forward cache
  window.addEventListener('pagehide', forgetAll);
  window.addEventListener('beforeunload', forgetAll);
  show();
})();
