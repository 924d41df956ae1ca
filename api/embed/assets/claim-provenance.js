// <claim-provenance claim="c_…"> — claimgraph's provenance widget as a web component.
// One script, no framework: it fetches the claim's card from the JSON API of the
// server it was loaded from (or the api attribute's) and renders who said the claim,
// through whom, in which article, who disputes it and which figures conflict with it.
// Article data is only ever set as text (textContent), never parsed as HTML.
// Theming: the --claim-provenance-* custom properties and the parts listed in the
// README (::part(card), ::part(claim), …). Events: claim-provenance:rendered and
// claim-provenance:error, both composed, with the claim id in detail.
(() => {
  'use strict';
  const TAG = 'claim-provenance';
  if (!window.customElements || customElements.get(TAG)) return;
  const me = document.currentScript;
  const home = me && me.src ? new URL(me.src).origin : location.origin;

  const CSS = `
:host{display:block;max-width:640px;--_bg:#fff;--_fg:#1a1a1a;--_muted:#555b66;--_border:#d6d9de;--_accent:#0b57d0;--_dispute:#a4261c}
@media (prefers-color-scheme:dark){:host{--_bg:#16181d;--_fg:#eceef1;--_muted:#a9afba;--_border:#3a3f49;--_accent:#8ab4f8;--_dispute:#f28b82}}
:host([hidden]){display:none}
[part~=card]{box-sizing:border-box;padding:14px 16px;font:var(--claim-provenance-font-size,15px)/1.45 var(--claim-provenance-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--claim-provenance-fg,var(--_fg));background:var(--claim-provenance-bg,var(--_bg));border:1px solid var(--claim-provenance-border,var(--_border));border-radius:var(--claim-provenance-radius,10px);overflow-wrap:anywhere}
p,h3,ul{margin:0}
[part~=label]{font-size:.8em;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--claim-provenance-muted,var(--_muted))}
[part~=claim]{font-size:1.07em;font-weight:600}
[part~=figures]{margin-top:4px}
[part~=figures],[part~=more],[part~=footer]{font-size:.87em}
[part~=figures],[part~=via],[part~=article],[part~=said],[part~=reason],[part~=more],[part~=origins],[part~=message]{color:var(--claim-provenance-muted,var(--_muted))}
[part~=figure]{color:var(--claim-provenance-fg,var(--_fg))}
[part~=heading]{margin:12px 0 4px;font-size:.87em;font-weight:700;color:var(--claim-provenance-muted,var(--_muted))}
ul{padding-left:18px}li{margin:2px 0}
[part~=speaker],[part~=disputer]{font-weight:700}
[part~=disputer],[part~=kind]{color:var(--claim-provenance-dispute,var(--_dispute))}
[part~=evidence]{display:block;font-style:italic}
a{color:var(--claim-provenance-accent,var(--_accent))}
a:focus-visible{outline:2px solid var(--claim-provenance-accent,var(--_accent));outline-offset:2px}
[part~=footer]{display:flex;flex-wrap:wrap;gap:4px 12px;justify-content:space-between;margin-top:12px;padding-top:8px;border-top:1px solid var(--claim-provenance-border,var(--_border))}
[part~=link]{font-weight:600}`;
  let sheet = null;

  // el makes an element with a part name and text; never HTML.
  const el = (tag, part, text) => {
    const n = document.createElement(tag);
    if (part) n.setAttribute('part', part);
    if (text != null) n.textContent = String(text);
    return n;
  };
  // web returns the absolute http(s) URL of s, or '' for anything else (javascript:…).
  const web = (s, base) => {
    if (!s) return '';
    try {
      const u = new URL(String(s), base);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '';
    } catch (_) { return ''; }
  };
  const anchor = (href, text, part, external) => {
    if (!href) return el('span', part, text);
    const a = el('a', part, text);
    a.href = href;
    if (external) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
    return a;
  };
  const names = (agents) => (agents || []).map((a) => a.name).join(', ');
  const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many);
  const list = (items) => Array.isArray(items) ? items : [];

  const article = (a, base) => {
    const s = el('span', 'article', 'in ');
    const out = web(a.url || '', location.href);
    s.append(anchor(out || web(a.page || '', base), a.title || 'an untitled article', 'article-title', !!out));
    const meta = [a.outlet, a.published].filter(Boolean).join(', ');
    if (meta) s.append(' (' + meta + ')');
    return s;
  };

  class ClaimProvenance extends HTMLElement {
    static get observedAttributes() { return ['claim', 'api']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
        if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(el('style', null, CSS));
      }
      this._box = el('div');
      this._box.setAttribute('aria-live', 'polite');
      root.append(this._box);
      this._ctl = null;
      this._live = false;
    }

    get claim() { return this.getAttribute('claim') || ''; }
    set claim(v) { this.setAttribute('claim', v); }

    // An upgrade reports the initial attributes before connecting: only later changes
    // reload, so that a card is fetched once.
    connectedCallback() { this._live = true; this._load(); }
    disconnectedCallback() { this._live = false; if (this._ctl) this._ctl.abort(); }
    attributeChangedCallback(_, old, now) { if (old !== now && this._live) this._load(); }

    async _load() {
      if (this._ctl) this._ctl.abort();
      const ctl = (this._ctl = new AbortController());
      const started = performance.now();
      const id = this.claim.trim();
      const base = web(this.getAttribute('api') || home, location.href).replace(/\/+$/, '');
      if (!id || !base) {
        this._fail(id, id ? 'The api attribute is not an http(s) address.' : 'No claim: set the claim attribute to a claim id.');
        return;
      }
      this._show(el('p', 'message', 'Loading who said it…'), 'loading');
      let card;
      try {
        const res = await fetch(base + '/v1/claims/' + encodeURIComponent(id) + '/card', {
          signal: ctl.signal, headers: { Accept: 'application/json' }, credentials: 'omit', mode: 'cors',
        });
        const body = await res.json().catch(() => null);
        if (!res.ok) throw new Error((body && body.detail) || 'The claimgraph server answered ' + res.status + '.');
        if (!body || !body.claim) throw new Error('The claimgraph server sent no card.');
        card = body;
      } catch (err) {
        if (!ctl.signal.aborted) this._fail(id, (err && err.message) || String(err));
        return;
      }
      if (ctl.signal.aborted) return;
      this._show(this._render(card, base), 'card');
      this.dispatchEvent(new CustomEvent('claim-provenance:rendered', {
        bubbles: true, composed: true, detail: { claim: id, ms: performance.now() - started },
      }));
    }

    _show(node, state) {
      this._box.replaceChildren(node);
      this.setAttribute('state', state);
    }

    _fail(id, message) {
      const box = el('div', 'card error');
      box.append(el('p', 'message', 'Provenance unavailable: ' + message));
      this._show(box, 'error');
      this.dispatchEvent(new CustomEvent('claim-provenance:error', { bubbles: true, composed: true, detail: { claim: id, message } }));
    }

    _render(card, base) {
      const root = el('article', 'card');
      root.setAttribute('aria-label', 'Who said it: provenance of a claim');
      root.append(el('p', 'label', 'Claim'), el('p', 'claim', card.claim.text));
      const figs = list(card.claim.figures);
      if (figs.length) {
        const p = el('p', 'figures', 'Figures: ');
        figs.forEach((f, i) => { if (i) p.append('; '); p.append(el('strong', 'figure', f)); });
        root.append(p);
      }
      const section = (title, name, items, row, more, noun) => {
        const s = el('section', 'section ' + name);
        s.append(el('h3', 'heading', title));
        if (!items.length) { s.append(el('p', 'more', 'No statement of this claim is stored.')); return s; }
        const ul = el('ul', 'list');
        items.forEach((it) => { const li = el('li', 'item'); row(li, it); ul.append(li); });
        s.append(ul);
        if (more > 0) s.append(el('p', 'more', 'and ' + plural(more, noun[0], noun[1]) + ' more'));
        return s;
      };
      const src = card.sources || {};
      root.append(section('Said by', 'sources', list(src.items), (li, s) => {
        li.append(el('strong', 'speaker', s.speaker ? s.speaker.name : 'The article itself'));
        if (list(s.via).length) li.append(' ', el('span', 'via', 'through ' + names(s.via)));
        li.append(' ', article(s.article || {}, base));
      }, src.more, ['source', 'sources']));
      const dis = card.disputes || {};
      if (list(dis.items).length) {
        root.append(section('Disputed by', 'disputes', dis.items, (li, d) => {
          li.append(el('strong', 'disputer', d.disputer.name), ' ', el('span', 'kind', d.kind + ' it'));
          if (d.evidence) li.append(el('q', 'evidence', d.evidence));
          li.append(' ', article(d.article || {}, base));
        }, dis.more, ['dispute', 'disputes']));
      }
      const con = card.conflicts || {};
      if (list(con.items).length) {
        root.append(section('Conflicting figures', 'conflicts', con.items, (li, c) => {
          const figures = list(c.claim.figures);
          li.append(anchor(web(c.page, base), figures.length ? figures.join('; ') : c.claim.text, 'conflict'));
          if (list(c.speakers).length) li.append(' ', el('span', 'said', 'said by ' + names(c.speakers)));
          if (c.reason) li.append(' ', el('span', 'reason', '(' + c.reason + ')'));
        }, con.more, ['conflict', 'conflicts']));
      }
      const foot = el('footer', 'footer');
      foot.append(anchor(web(card.page, base), 'Full provenance on claimgraph', 'link'),
        el('span', 'origins', plural(card.independent_origins | 0, 'independent origin', 'independent origins')));
      root.append(foot);
      return root;
    }
  }
  customElements.define(TAG, ClaimProvenance);
})();
