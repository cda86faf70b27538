// Latchkey demo page. Plain JavaScript, no build step, no inline code (works under
// Content-Security-Policy: default-src 'self').
//
// The tokens live only in the HttpOnly cookies `access` and `refresh`: this script never reads,
// stores or sends a token itself. It sends the readable `csrftoken` cookie back as the
// X-CSRFToken header on every unsafe request (double-submit), and refreshes the access token
// transparently, once, when an API call answers 401.
'use strict';

(function () {
  const API = '/api';
  const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

  // ---- HTTP -------------------------------------------------------------------------------

  function readCookie(name) {
    for (const part of document.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === name) {
        return decodeURIComponent(part.slice(eq + 1).trim());
      }
    }
    return null;
  }

  // The CSRF token: the csrftoken cookie, fetched from GET /api/auth/csrf/ when missing (or
  // renewed after a CSRF failure). Concurrent requests share one fetch, so they agree on the token.
  let csrfFetching = null;

  async function csrfToken(renew) {
    const token = renew ? null : readCookie('csrftoken');
    if (token) {
      return token;
    }
    if (!csrfFetching) {
      csrfFetching = fetch(API + '/auth/csrf/', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
        .catch(() => null) // Offline: the request itself fails next.
        .finally(() => { csrfFetching = null; });
    }
    await csrfFetching;
    return readCookie('csrftoken');
  }

  // One request, without retries. Answers {status, ok, data} with the parsed JSON body.
  async function send(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (!SAFE_METHODS.includes(method)) {
      const token = await csrfToken(false);
      if (token) {
        headers['X-CSRFToken'] = token;
      }
    }
    const response = await fetch(API + path, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    let data = null;
    const text = await response.text();
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = { detail: 'Unexpected answer from the server (' + response.status + ').' };
      }
    }
    return { status: response.status, ok: response.ok, data: data };
  }

  function isCsrfFailure(result) {
    return result.status === 403 && result.data && typeof result.data.detail === 'string'
      && result.data.detail.indexOf('CSRF Failed') === 0;
  }

  // A 401 that a fresh access token may cure: the access token is invalid or expired
  // (code token_not_valid), or the browser already dropped the expired access cookie, so the
  // server saw no credentials at all (a 401 without a code).
  function needsRefresh(result) {
    if (result.status !== 401) {
      return false;
    }
    const code = result.data && result.data.code;
    return !code || code === 'token_not_valid';
  }

  // Concurrent 401s share one refresh: with rotation, two refreshes of one refresh token would
  // look like a stolen token being replayed.
  let refreshing = null;

  function refresh() {
    if (!refreshing) {
      refreshing = send('POST', '/token/refresh/', {})
        .then((result) => result.ok, () => false)
        .finally(() => { refreshing = null; });
    }
    return refreshing;
  }

  // An API call. Retries once with a renewed CSRF token after a CSRF failure, and, when
  // `authenticated`, once after a transparent refresh.
  async function api(method, path, body, authenticated) {
    let result = await send(method, path, body);
    if (isCsrfFailure(result) && await csrfToken(true)) {
      result = await send(method, path, body);
    }
    if (authenticated && needsRefresh(result) && await refresh()) {
      result = await send(method, path, body);
    }
    return result;
  }

  // ---- DOM helpers ------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  function show(element, visible) {
    element.hidden = !visible;
  }

  function setText(id, text) {
    const element = $(id);
    element.textContent = text || '';
    show(element, Boolean(text));
  }

  function notice(text) {
    setText('app-status', text);
  }

  // Clears the errors of a form: fields maps API field names to input ids.
  function clearErrors(prefix, fields) {
    setText(prefix + '-errors', '');
    for (const inputId of Object.values(fields)) {
      const list = $(inputId + '-errors');
      list.replaceChildren();
      show(list, false);
      $(inputId).removeAttribute('aria-invalid');
    }
  }

  // Shows DRF-shaped errors: {"field": ["message", ...]} beside each field, the rest
  // ({"detail": ...}, "non_field_errors", unknown fields) above the form.
  function showErrors(prefix, fields, data, status) {
    clearErrors(prefix, fields);
    const general = [];
    if (!data || typeof data !== 'object') {
      general.push('Something went wrong (' + status + '). Please try again.');
    } else {
      for (const [key, value] of Object.entries(data)) {
        const messages = Array.isArray(value) ? value.map(String) : [String(value)];
        if (Object.prototype.hasOwnProperty.call(fields, key)) {
          const inputId = fields[key];
          const list = $(inputId + '-errors');
          for (const message of messages) {
            const item = document.createElement('li');
            item.textContent = message;
            list.appendChild(item);
          }
          show(list, true);
          $(inputId).setAttribute('aria-invalid', 'true');
        } else if (key === 'detail' || key === 'non_field_errors') {
          general.push(...messages);
        } else if (key !== 'code' && key !== 'messages') {
          general.push(key + ': ' + messages.join(' '));
        }
      }
    }
    setText(prefix + '-errors', general.join(' '));
  }

  function flash(id, text) {
    setText(id, text);
    window.setTimeout(() => { if ($(id).textContent === text) setText(id, ''); }, 4000);
  }

  function busy(form, on) {
    for (const button of form.querySelectorAll('button')) {
      button.disabled = on;
    }
  }

  // ---- views ------------------------------------------------------------------------------

  const SIGNUP_FIELDS = { username: 'signup-username', name: 'signup-name', email: 'signup-email', password: 'signup-password' };
  const LOGIN_FIELDS = { username: 'login-username', password: 'login-password' };
  const PROFILE_FIELDS = { name: 'profile-name', email: 'profile-email' };
  const PASSWORD_FIELDS = { old_password: 'password-old', new_password1: 'password-new1', new_password2: 'password-new2' };
  const FORGOT_FIELDS = { email: 'forgot-email' };
  const RESEND_FIELDS = { email: 'resend-email' };
  const RESET_FIELDS = { new_password1: 'reset-new1', new_password2: 'reset-new2' };

  // Empties every form, errors included, so that no password stays behind in a hidden one.
  function resetForms() {
    const forms = { signup: SIGNUP_FIELDS, login: LOGIN_FIELDS, profile: PROFILE_FIELDS, password: PASSWORD_FIELDS,
      forgot: FORGOT_FIELDS, resend: RESEND_FIELDS, reset: RESET_FIELDS };
    for (const [prefix, fields] of Object.entries(forms)) {
      $(prefix + '-form').reset();
      clearErrors(prefix, fields);
    }
    setText('profile-status', '');
    setText('password-status', '');
    setText('forgot-status', '');
    setText('resend-status', '');
  }

  function showSignedOut(message) {
    document.body.dataset.state = 'signed-out';
    show($('loading'), false);
    show($('reset'), false);
    show($('signed-in'), false);
    show($('user-badge'), false);
    show($('mfa-form'), false);
    show($('signed-out'), true);
    $('sessions-list').replaceChildren();
    resetForms();
    notice(message);
  }

  function showSignedIn(user, message) {
    document.body.dataset.state = 'signed-in';
    show($('loading'), false);
    show($('reset'), false);
    show($('signed-out'), false);
    show($('signed-in'), true);
    $('current-username').textContent = user.username;
    show($('user-badge'), true);
    resetForms();
    fillProfile(user);
    notice(message);
    loadSessions();
    loadMfa();
    loadPasskeys();
  }

  function fillProfile(user) {
    $('profile-username').value = user.username;
    $('profile-name').value = user.name || '';
    $('profile-email').value = user.email || '';
  }

  // Any authenticated call that still answers 401 after the refresh: the session is over.
  function sessionEnded() {
    showSignedOut('Your session has ended. Please sign in again.');
  }

  // ---- sessions ---------------------------------------------------------------------------

  function describeAgent(userAgent) {
    if (!userAgent) {
      return 'Unknown client';
    }
    const known = [
      [/Edg\//, 'Edge'], [/HeadlessChrome\//, 'Headless Chrome'], [/Chrome\//, 'Chrome'],
      [/Firefox\//, 'Firefox'], [/Safari\//, 'Safari'], [/curl\//, 'curl'], [/Java-http-client/, 'Java HTTP client']
    ];
    const systems = [[/Android/, 'Android'], [/iPhone|iPad/, 'iOS'], [/Windows/, 'Windows'], [/Mac OS X/, 'macOS'], [/Linux/, 'Linux']];
    const browser = (known.find(([pattern]) => pattern.test(userAgent)) || [null, userAgent.split(' ')[0]])[1];
    const system = (systems.find(([pattern]) => pattern.test(userAgent)) || [null, null])[1];
    return system ? browser + ' on ' + system : browser;
  }

  // 0:0:0:0:0:0:0:1 -> ::1 (the longest run of zero groups collapsed, as RFC 5952 writes it).
  function displayIp(ip) {
    const groups = String(ip || '').split(':');
    if (groups.length !== 8 || !groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) {
      return ip || 'unknown address';
    }
    const short = groups.map((group) => parseInt(group, 16).toString(16));
    let best = { start: -1, length: 1 };
    for (let i = 0; i < 8; i++) {
      let j = i;
      while (j < 8 && short[j] === '0') j++;
      if (j - i > best.length) best = { start: i, length: j - i };
    }
    if (best.start < 0) {
      return short.join(':');
    }
    return short.slice(0, best.start).join(':') + '::' + short.slice(best.start + best.length).join(':');
  }

  function formatTime(iso) {
    const date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function sessionItem(session) {
    const item = document.createElement('li');
    item.className = 'session' + (session.current ? ' current' : '');
    item.dataset.sessionId = session.id;

    const info = document.createElement('div');
    const title = document.createElement('div');
    title.className = 'session-title';
    title.textContent = describeAgent(session.user_agent);
    title.title = session.user_agent || '';
    if (session.current) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'This browser';
      title.appendChild(badge);
    }
    const meta = document.createElement('div');
    meta.className = 'session-meta';
    meta.textContent = displayIp(session.ip) + ' · signed in ' + formatTime(session.created)
      + ' · last used ' + formatTime(session.last_used) + ' · expires ' + formatTime(session.expires);
    info.append(title, meta);
    item.appendChild(info);

    if (!session.current) {
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'ghost danger-text session-revoke';
      revoke.dataset.sessionId = session.id;
      revoke.textContent = 'Revoke';
      revoke.addEventListener('click', () => revokeSession(session.id, revoke));
      item.appendChild(revoke);
    }
    return item;
  }

  async function loadSessions() {
    const list = $('sessions-list');
    list.setAttribute('aria-busy', 'true');
    delete list.dataset.count;
    const result = await api('GET', '/auth/sessions/', undefined, true);
    list.removeAttribute('aria-busy');
    if (result.status === 401) {
      return sessionEnded();
    }
    if (!result.ok || !Array.isArray(result.data)) {
      return setText('sessions-errors', (result.data && result.data.detail) || 'Could not load the sessions.');
    }
    setText('sessions-errors', '');
    const sessions = result.data.slice().sort((a, b) => (b.current - a.current) || String(b.last_used).localeCompare(String(a.last_used)));
    list.replaceChildren(...sessions.map(sessionItem));
    list.dataset.count = String(sessions.length);
  }

  async function revokeSession(id, button) {
    button.disabled = true;
    const result = await api('DELETE', '/auth/sessions/' + encodeURIComponent(id) + '/', undefined, true);
    if (result.status === 401) {
      return sessionEnded();
    }
    if (!result.ok && result.status !== 404) {
      button.disabled = false;
      return setText('sessions-errors', (result.data && result.data.detail) || 'Could not revoke the session.');
    }
    await loadSessions();
  }

  // ---- actions ----------------------------------------------------------------------------

  function values(fields) {
    const body = {};
    for (const [key, inputId] of Object.entries(fields)) {
      body[key] = $(inputId).value;
    }
    return body;
  }

  async function onSignUp(event) {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form, true);
    try {
      const result = await api('POST', '/auth/signup/', values(SIGNUP_FIELDS), false);
      if (result.status === 201 && result.data && result.data.detail) {
        // Email verification is mandatory: no session until the link in the mail is opened.
        showSignedOut(result.data.detail + ' Open the link in it, then sign in.');
      } else if (result.status === 201 && result.data && result.data.user) {
        showSignedIn(result.data.user, 'Welcome, ' + (result.data.user.name || result.data.user.username) + '! Your account is ready.');
      } else {
        showErrors('signup', SIGNUP_FIELDS, result.data, result.status);
      }
    } finally {
      busy(form, false);
    }
  }

  async function onLogin(event) {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form, true);
    try {
      const result = await api('POST', '/token/', values(LOGIN_FIELDS), false);
      if (!result.ok) {
        return showErrors('login', LOGIN_FIELDS, result.data, result.status);
      }
      if (result.data && result.data.mfa_required) {
        // The password was right; the session starts once the second factor is proved.
        mfaToken = result.data.mfa_token;
        show($('mfa-form'), true);
        $('mfa-code').value = '';
        $('mfa-code').focus();
        return notice('Enter your two-factor code.');
      }
      const user = await api('GET', '/auth/user/', undefined, true);
      if (user.ok) {
        showSignedIn(user.data, 'Signed in.');
      } else {
        showErrors('login', LOGIN_FIELDS,
          { detail: 'Signed in, but the server did not set the session cookies (is token delivery "body"?).' }, user.status);
      }
    } finally {
      busy(form, false);
    }
  }

  // ---- Second factors and passkeys ------------------------------------------------------

  let mfaToken = null;
  const MFA_FIELDS = { code: 'mfa-code' };

  async function enterSignedIn(message) {
    const user = await api('GET', '/auth/user/', undefined, true);
    if (user.ok) {
      showSignedIn(user.data, message);
    }
    return user.ok;
  }

  async function onMfaVerify(event) {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form, true);
    try {
      clearErrors('mfa', MFA_FIELDS);
      const result = await api('POST', '/auth/mfa/verify/', { mfa_token: mfaToken, code: $('mfa-code').value }, false);
      if (!result.ok) {
        return showErrors('mfa', MFA_FIELDS, result.data, result.status);
      }
      mfaToken = null;
      show($('mfa-form'), false);
      await enterSignedIn('Signed in with two factors.');
    } finally {
      busy(form, false);
    }
  }

  function errorText(data) {
    if (!data) {
      return 'Something went wrong.';
    }
    if (typeof data.detail === 'string') {
      return data.detail;
    }
    return Object.values(data).flat().join(' ');
  }

  async function loadMfa() {
    const result = await api('GET', '/auth/mfa/', undefined, true);
    if (!result.ok) {
      show($('mfa-card'), false);
      return;
    }
    show($('mfa-card'), true);
    const on = result.data.totp;
    setText('mfa-state', on
      ? 'On: ' + result.data.recovery_codes_remaining + ' recovery codes left. This session: ' + result.data.amr.join(' + ') + '.'
      : 'Off. This session: ' + result.data.amr.join(' + ') + '.');
    show($('mfa-enrol'), !on);
    show($('mfa-disable-box'), on);
    if (on) {
      show($('mfa-setup'), false);
    }
  }

  async function onMfaEnrol() {
    setText('mfa-card-errors', '');
    const result = await api('POST', '/auth/mfa/totp/', {}, true);
    if (!result.ok) {
      return setText('mfa-card-errors', errorText(result.data));
    }
    const svg = new DOMParser().parseFromString(result.data.qr_svg, 'image/svg+xml').documentElement;
    $('mfa-qr').replaceChildren(document.importNode(svg, true));
    $('mfa-secret').textContent = result.data.secret;
    show($('mfa-recovery'), false);
    show($('mfa-setup'), true);
    $('mfa-confirm-code').focus();
  }

  async function onMfaConfirm() {
    setText('mfa-card-errors', '');
    const result = await api('POST', '/auth/mfa/totp/confirm/', { code: $('mfa-confirm-code').value }, true);
    if (!result.ok) {
      return setText('mfa-card-errors', errorText(result.data));
    }
    $('mfa-recovery-codes').replaceChildren(...result.data.recovery_codes.map((code) => {
      const item = document.createElement('li');
      item.textContent = code;
      return item;
    }));
    show($('mfa-recovery'), true);
    await loadMfa();
  }

  async function onMfaDisable() {
    setText('mfa-card-errors', '');
    const secret = $('mfa-disable-secret').value;
    const body = /^[0-9 ]{6,7}$/.test(secret) || /^[a-zA-Z2-7]{4}-/.test(secret) ? { code: secret } : { password: secret };
    const result = await api('DELETE', '/auth/mfa/totp/', body, true);
    $('mfa-disable-secret').value = '';
    if (!result.ok) {
      return setText('mfa-card-errors', errorText(result.data));
    }
    show($('mfa-recovery'), false);
    await loadMfa();
  }

  // WebAuthn's binary fields travel as base64url in JSON.
  function fromBase64Url(text) {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
  }

  function toBase64Url(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (const b of bytes) {
      binary += String.fromCharCode(b);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map((d) => Object.assign({}, d, { id: fromBase64Url(d.id) }));
  }

  function credentialJson(credential) {
    const response = credential.response;
    const json = {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
      response: { clientDataJSON: toBase64Url(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      json.response.attestationObject = toBase64Url(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = toBase64Url(response.authenticatorData);
      json.response.signature = toBase64Url(response.signature);
      json.response.userHandle = response.userHandle ? toBase64Url(response.userHandle) : null;
    }
    return json;
  }

  async function loadPasskeys() {
    const result = await api('GET', '/auth/passkeys/', undefined, true);
    if (!result.ok) {
      show($('passkeys-card'), false);
      return;
    }
    show($('passkeys-card'), true);
    $('passkey-list').replaceChildren(...result.data.map((passkey) => {
      const item = document.createElement('li');
      item.className = 'passkey';
      const name = document.createElement('span');
      name.textContent = passkey.label + ' (added ' + formatTime(passkey.created_at) + ')';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'ghost';
      remove.textContent = 'Delete';
      remove.addEventListener('click', async () => {
        await api('DELETE', '/auth/passkeys/' + encodeURIComponent(passkey.id) + '/', undefined, true);
        await loadPasskeys();
      });
      item.append(name, remove);
      return item;
    }));
  }

  async function onPasskeyAdd() {
    setText('passkeys-errors', '');
    try {
      const options = await api('POST', '/auth/passkeys/registration/options/', {}, true);
      if (!options.ok) {
        return setText('passkeys-errors', errorText(options.data));
      }
      const publicKey = Object.assign({}, options.data, {
        challenge: fromBase64Url(options.data.challenge),
        user: Object.assign({}, options.data.user, { id: fromBase64Url(options.data.user.id) }),
        excludeCredentials: descriptors(options.data.excludeCredentials)
      });
      const credential = await navigator.credentials.create({ publicKey: publicKey });
      const result = await api('POST', '/auth/passkeys/registration/',
        { credential: credentialJson(credential), label: $('passkey-label').value }, true);
      if (!result.ok) {
        return setText('passkeys-errors', errorText(result.data));
      }
      flash('passkey-status', 'Passkey added.');
      await loadPasskeys();
    } catch (e) {
      setText('passkeys-errors', 'The passkey was not created (' + e.name + ').');
    }
  }

  async function onPasskeyLogin() {
    setText('login-errors', '');
    try {
      const options = await api('POST', '/auth/passkeys/login/options/', {}, false);
      if (!options.ok) {
        return setText('login-errors', errorText(options.data));
      }
      const publicKey = Object.assign({}, options.data, {
        challenge: fromBase64Url(options.data.challenge),
        allowCredentials: descriptors(options.data.allowCredentials)
      });
      const credential = await navigator.credentials.get({ publicKey: publicKey });
      const result = await api('POST', '/auth/passkeys/login/', { credential: credentialJson(credential) }, false);
      if (!result.ok) {
        return setText('login-errors', errorText(result.data));
      }
      await enterSignedIn('Signed in with a passkey.');
    } catch (e) {
      setText('login-errors', 'Passkey sign-in did not complete (' + e.name + ').');
    }
  }

  async function onSaveProfile(event) {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form, true);
    setText('profile-status', '');
    try {
      const result = await api('PATCH', '/auth/user/', values(PROFILE_FIELDS), true);
      if (result.status === 401) {
        return sessionEnded();
      }
      if (result.ok) {
        clearErrors('profile', PROFILE_FIELDS);
        fillProfile(result.data);
        flash('profile-status', 'Saved.');
      } else {
        showErrors('profile', PROFILE_FIELDS, result.data, result.status);
      }
    } finally {
      busy(form, false);
    }
  }

  async function onChangePassword(event) {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form, true);
    setText('password-status', '');
    try {
      const result = await api('POST', '/auth/password/change/', values(PASSWORD_FIELDS), true);
      if (result.status === 401) {
        return sessionEnded();
      }
      if (result.ok) {
        clearErrors('password', PASSWORD_FIELDS);
        form.reset();
        flash('password-status', (result.data && result.data.detail) || 'Password changed.');
        await loadSessions();
      } else {
        showErrors('password', PASSWORD_FIELDS, result.data, result.status);
      }
    } finally {
      busy(form, false);
    }
  }

  async function onLogout(path, message) {
    const buttons = ['logout', 'logout-all'].map($);
    buttons.forEach((button) => { button.disabled = true; });
    let result;
    try {
      result = await api('POST', path, {}, path !== '/auth/logout/');
    } catch (e) {
      result = { status: 0, ok: false, data: { detail: 'The server cannot be reached. Please try again.' } };
    } finally {
      buttons.forEach((button) => { button.disabled = false; });
    }
    // A 401 means the session had already ended; the answer clears the cookies all the same.
    if (result.ok || result.status === 401) {
      showSignedOut(message);
    } else {
      notice((result.data && result.data.detail) || 'Could not log out (' + result.status + ').');
    }
  }

  // ---- account recovery ---------------------------------------------------------------

  // The links Latchkey mails point at this page: #/password-reset/confirm/<uid>/<token>/ and
  // #/verify-email/<key>/. The token never leaves the fragment except to the API.
  function route() {
    const hash = window.location.hash;
    let match = /^#\/password-reset\/confirm\/([^/]+)\/([^/]+)\/?$/.exec(hash);
    if (match) {
      return { name: 'reset', uid: decodeURIComponent(match[1]), token: decodeURIComponent(match[2]) };
    }
    match = /^#\/verify-email\/([^/]+)\/?$/.exec(hash);
    if (match) {
      return { name: 'verify', key: decodeURIComponent(match[1]) };
    }
    return null;
  }

  function leaveRoute() {
    history.replaceState(null, '', window.location.pathname);
  }

  let resetLink = null;

  function showReset(link) {
    resetLink = link;
    document.body.dataset.state = 'reset';
    show($('loading'), false);
    show($('signed-in'), false);
    show($('signed-out'), false);
    show($('user-badge'), false);
    show($('reset'), true);
    notice('');
  }

  async function verifyEmail(key) {
    leaveRoute();
    const result = await api('POST', '/auth/registration/verify-email/', { key: key }, false);
    showSignedOut(result.ok ? 'Your e-mail address is verified. You can sign in now.'
      : 'This verification link is invalid or has expired. Ask for a new one below.');
  }

  async function onReset(event) {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form, true);
    try {
      const body = Object.assign({ uid: resetLink.uid, token: resetLink.token }, values(RESET_FIELDS));
      const result = await api('POST', '/auth/password/reset/confirm/', body, false);
      if (result.ok) {
        leaveRoute();
        showSignedOut('Your password has been reset. Sign in with the new one.');
      } else if (result.data && (result.data.token || result.data.uid)) {
        leaveRoute();
        showSignedOut('This reset link is invalid or has already been used. Ask for a new one.');
      } else {
        showErrors('reset', RESET_FIELDS, result.data, result.status);
      }
    } finally {
      busy(form, false);
    }
  }

  function emailForm(prefix, fields, path, done) {
    return async function (event) {
      event.preventDefault();
      const form = event.currentTarget;
      busy(form, true);
      setText(prefix + '-status', '');
      try {
        const result = await api('POST', path, values(fields), false);
        if (result.ok) {
          clearErrors(prefix, fields);
          form.reset();
          setText(prefix + '-status', done);
        } else {
          showErrors(prefix, fields, result.data, result.status);
        }
      } finally {
        busy(form, false);
      }
    };
  }

  async function start() {
    $('forgot-link').addEventListener('click', (event) => {
      event.preventDefault();
      show($('forgot-form'), true);
      $('forgot-email').focus();
    });
    $('forgot-form').addEventListener('submit', emailForm('forgot', FORGOT_FIELDS, '/auth/password/reset/',
      'If an account has this address, a reset link is on its way.'));
    $('resend-form').addEventListener('submit', emailForm('resend', RESEND_FIELDS, '/auth/registration/resend-email/',
      'If this address waits for verification, a new link is on its way.'));
    $('reset-form').addEventListener('submit', onReset);
    // A mailed link opened in a tab that already shows this page changes only the fragment.
    window.addEventListener('hashchange', () => {
      const next = route();
      if (next && next.name === 'reset') {
        showReset(next);
      } else if (next && next.name === 'verify') {
        verifyEmail(next.key);
      }
    });
    const link = route();
    if (link && link.name === 'reset') {
      return showReset(link);
    }
    if (link && link.name === 'verify') {
      return verifyEmail(link.key);
    }
    $('signup-form').addEventListener('submit', onSignUp);
    $('login-form').addEventListener('submit', onLogin);
    $('mfa-form').addEventListener('submit', onMfaVerify);
    $('passkey-login').addEventListener('click', onPasskeyLogin);
    $('mfa-enrol').addEventListener('click', onMfaEnrol);
    $('mfa-confirm').addEventListener('click', onMfaConfirm);
    $('mfa-disable').addEventListener('click', onMfaDisable);
    $('passkey-add').addEventListener('click', onPasskeyAdd);
    $('profile-form').addEventListener('submit', onSaveProfile);
    $('password-form').addEventListener('submit', onChangePassword);
    $('sessions-reload').addEventListener('click', () => loadSessions());
    $('logout').addEventListener('click', () => onLogout('/auth/logout/', 'You have been logged out.'));
    $('logout-all').addEventListener('click', () => onLogout('/auth/logout-all/', 'You have been logged out of every session.'));
    try {
      const result = await api('GET', '/auth/user/', undefined, true);
      if (result.ok && result.data) {
        showSignedIn(result.data, '');
      } else {
        showSignedOut('');
      }
    } catch (e) {
      showSignedOut('The server cannot be reached. Please try again later.');
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
