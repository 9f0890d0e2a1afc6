/* Sign-on pages: the show-password toggle, and a visible message when a passkey attempt fails.
   A file, not inline script (the Content Security Policy forbids inline script); every page
   works without it: the toggle only appears when this runs. */
(function () {
  'use strict'
  if (window.jamsosSignOn) { return } // several forms on one page each include this file
  window.jamsosSignOn = true

  function setUpToggle (button) {
    var input = document.getElementById(button.getAttribute('aria-controls'))
    if (!input || input.type !== 'password') { return }
    button.hidden = false
    button.addEventListener('click', function () {
      var show = input.type === 'password'
      input.type = show ? 'text' : 'password'
      button.setAttribute('aria-pressed', show ? 'true' : 'false')
    })
    // Sent as a password field, so browsers and password managers treat it as one.
    if (input.form) {
      input.form.addEventListener('submit', function () {
        input.type = 'password'
        button.setAttribute('aria-pressed', 'false')
      })
    }
  }

  // allauth's webauthn.js reports a cancelled or failed passkey attempt as this event.
  document.addEventListener('allauth.error', function (event) {
    var box = document.getElementById('passkey-error')
    if (!box) { return }
    event.preventDefault()
    box.hidden = false
    box.focus()
  })

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('button.show-password[aria-controls]'), setUpToggle)
  })
})()
