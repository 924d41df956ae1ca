// claimgraph embed resizer, for pages that embed /embed/claims/{id} iframes: sets each
// card's iframe to the height the card posts. It believes only messages from the
// origin this script was loaded from, and only from the iframe that sent them.
(() => {
  'use strict';
  const me = document.currentScript;
  if (!me || !me.src) return;
  const origin = new URL(me.src).origin;
  const flag = '__claimgraphEmbedResize:' + origin;
  if (window[flag]) return;
  window[flag] = true;
  const cards = () => Array.from(document.querySelectorAll('iframe')).filter((f) => {
    try { const u = new URL(f.src, location.href); return u.origin === origin && u.pathname.startsWith('/embed/'); } catch (_) { return false; }
  });
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.origin !== origin || !d || d.type !== 'claimgraph:embed-height') return;
    const h = Math.round(Number(d.height));
    if (!Number.isFinite(h) || h <= 0) return;
    for (const f of cards()) {
      if (f.contentWindow === e.source) {
        const max = Number(f.dataset.maxHeight) || 4000;
        f.style.height = Math.min(h, max) + 'px';
        f.dispatchEvent(new CustomEvent('claimgraph:resized', { detail: { height: Math.min(h, max) } }));
      }
    }
  });
  const ask = () => cards().forEach((f) => { if (f.contentWindow) f.contentWindow.postMessage({ type: 'claimgraph:embed-measure' }, origin); });
  ask();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask);
  window.addEventListener('load', ask);
})();
