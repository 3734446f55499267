// The try-it page: plain JavaScript, no build step. Sends hook requests to this service, shows the cards the way
// an EHR does, and sends feedback for them.
'use strict';

const $ = (selector) => document.querySelector(selector);
let examples = [];
let lastService = null;

function element(tag, attributes, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === 'class') {
      e.className = value;
    } else if (name.startsWith('on')) {
      e.addEventListener(name.substring(2), value);
    } else {
      e.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      e.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return e;
}

function uuid() {
  if (window.crypto && crypto.randomUUID) {
    return crypto.randomUUID();
  }
  return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(Math.random() * 16).toString(16));
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// A small Markdown subset (paragraphs, bullet lists, bold, italics, code, http(s) links), escaped first so that a
// card can never inject markup.
function markdown(source) {
  const inline = (text) => escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
  const html = [];
  let list = null;
  for (const block of source.split(/\n{2,}/)) {
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*[-*] /.test(l))) {
      html.push('<ul>' + lines.map((l) => '<li>' + inline(l.replace(/^\s*[-*] /, '')) + '</li>').join('') + '</ul>');
    } else {
      html.push('<p>' + lines.map(inline).join('<br>') + '</p>');
    }
  }
  return html.join('');
}

function setStatus(text, error) {
  const status = $('#status');
  status.textContent = text;
  status.className = error ? 'error' : '';
}

async function loadExamples() {
  const response = await fetch('/examples');
  examples = await response.json();
  const select = $('#example');
  select.replaceChildren(...examples.map((e, i) => element('option', { value: String(i) }, e.title)));
  select.append(element('option', { value: 'paste' }, 'Paste your own request'));
  const services = await (await fetch('/cds-services')).json();
  $('#service').replaceChildren(...services.services.map((s) =>
    element('option', { value: s.id }, s.id + ' (' + s.hook + ')')));
  await showExample();
}

async function showExample() {
  const choice = $('#example').value;
  if (choice === 'paste') {
    $('#request').value = '';
    return;
  }
  const example = examples[Number(choice)];
  const request = await (await fetch('/examples/' + example.file)).json();
  $('#request').value = JSON.stringify(request, null, 2);
  $('#service').value = example.service;
}

async function send() {
  let request;
  try {
    request = JSON.parse($('#request').value);
  } catch (e) {
    setStatus('The request is not JSON: ' + e.message, true);
    return;
  }
  request.hookInstance = uuid();
  const service = $('#service').value;
  setStatus('Sending…');
  $('#send').disabled = true;
  try {
    const started = performance.now();
    const response = await fetch('/cds-services/' + encodeURIComponent(service), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    const millis = Math.round(performance.now() - started);
    const text = await response.text();
    const body = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const issues = (body.issue || []).map((i) => i.diagnostics).join('; ');
      setStatus('HTTP ' + response.status + (issues ? ': ' + issues : ''), true);
      $('#cards').replaceChildren(element('p', { class: 'empty' }, 'No cards: the service answered an error.'));
      return;
    }
    lastService = service;
    showCards(body.cards || []);
    setStatus((body.cards || []).length + ' card(s) in ' + millis + ' ms');
    await refreshSummary();
  } catch (e) {
    setStatus('The request failed: ' + e.message, true);
  } finally {
    $('#send').disabled = false;
  }
}

function showCards(cards) {
  const area = $('#cards');
  if (cards.length === 0) {
    area.replaceChildren(element('p', { class: 'empty' }, 'No cards: nothing to show for this order.'));
    return;
  }
  area.replaceChildren(...cards.map(cardElement));
}

function cardElement(card) {
  const indicator = card.indicator || 'info';
  const box = element('article', { class: 'card ' + indicator, 'data-uuid': card.uuid || '' },
    element('div', {}, element('span', { class: 'indicator' }, indicator),
      element('span', { class: 'summary' }, card.summary)));
  if (card.detail) {
    const detail = element('div', { class: 'detail' });
    detail.innerHTML = markdown(card.detail);
    box.append(detail);
  }
  if (card.source) {
    const source = element('div', { class: 'source' }, 'Source: ');
    const label = card.source.label || 'source';
    if (card.source.url && /^https?:\/\//.test(card.source.url)) {
      source.append(element('a', { href: card.source.url, target: '_blank', rel: 'noopener' }, label));
    } else {
      source.append(label);
    }
    if (card.source.topic && card.source.topic.display) {
      source.append(' · ' + card.source.topic.display);
    }
    box.append(source);
  }
  if (card.suggestions && card.suggestions.length) {
    const suggestions = element('div', { class: 'suggestions' }, 'Suggestions: ');
    for (const s of card.suggestions) {
      suggestions.append(element('button', {
        type: 'button', class: 'suggestion secondary',
        onclick: () => sendFeedback(card, box, 'accepted', null, s.uuid),
      }, s.label));
    }
    box.append(suggestions);
  }
  if (card.uuid) {
    const actions = element('div', { class: 'actions' });
    actions.append(element('button', {
      type: 'button', class: 'accept', onclick: () => sendFeedback(card, box, 'accepted', null, null),
    }, 'Accept'));
    const reasons = card.overrideReasons || [];
    let select = null;
    if (reasons.length) {
      select = element('select', { class: 'override-reason', 'aria-label': 'Override reason' },
        ...reasons.map((r, i) => element('option', { value: String(i) }, r.display || r.code)));
      actions.append(select);
    }
    const comment = element('input', { type: 'text', class: 'comment', placeholder: 'Comment (optional)' });
    actions.append(comment);
    actions.append(element('button', {
      type: 'button', class: 'override secondary',
      onclick: () => sendFeedback(card, box, 'overridden',
        { reason: select ? reasons[Number(select.value)] : undefined, userComment: comment.value || undefined },
        null),
    }, 'Override'));
    box.append(actions);
  }
  return box;
}

async function sendFeedback(card, box, outcome, overrideReason, suggestion) {
  const item = { card: card.uuid, outcome: outcome, outcomeTimestamp: new Date().toISOString() };
  if (overrideReason) {
    item.overrideReason = overrideReason;
  }
  if (suggestion) {
    item.acceptedSuggestions = [{ id: suggestion }];
  }
  const response = await fetch('/cds-services/' + encodeURIComponent(lastService) + '/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ feedback: [item] }),
  });
  const actions = box.querySelectorAll('.actions, .suggestions');
  actions.forEach((a) => a.remove());
  box.append(element('div', { class: 'feedback-sent' }, response.ok
    ? 'Feedback sent: ' + outcome : 'Feedback failed: HTTP ' + response.status));
  await refreshSummary();
}

async function refreshSummary() {
  const response = await fetch('/feedback/summary');
  const body = tbody();
  if (!response.ok) {
    body.replaceChildren(element('tr', {}, element('td', { colspan: '5' },
      'The report needs authentication (HTTP ' + response.status + ').')));
    return;
  }
  const summary = await response.json();
  if (!summary.rules.length) {
    body.replaceChildren(element('tr', {}, element('td', { colspan: '5' }, 'No cards shown yet.')));
    return;
  }
  body.replaceChildren(...summary.rules.map((r) => element('tr', { 'data-rule': r.ruleId },
    element('td', {}, r.ruleId), element('td', { class: 'shown' }, r.shown),
    element('td', { class: 'accepted' }, r.accepted), element('td', { class: 'overridden' }, r.overridden),
    element('td', {}, r.topReasons.map((x) => (x.display || x.code) + ' (' + x.count + ')').join('; ') || '-'))));
}

function tbody() {
  return $('#summary tbody');
}

$('#example').addEventListener('change', showExample);
$('#send').addEventListener('click', send);
$('#refresh').addEventListener('click', refreshSummary);
loadExamples().then(refreshSummary).catch((e) => setStatus('Could not load the examples: ' + e.message, true));
