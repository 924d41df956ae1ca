// claimgraph iframe card: tells the embedding page how tall the card is, whenever
// that changes, and again when the page asks (embed-resize.js asks once it loads,
// which may be after the card has rendered). The message carries only the height and
// the claim id, so it is posted to any parent origin.
(() => {
  'use strict';
  if (window.parent === window) return;
  const root = document.documentElement;
  let last = -1;
  const post = (force) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    window.parent.postMessage({ type: 'claimgraph:embed-height', claim: root.dataset.claim || '', height }, '*');
  };
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data && e.data.type === 'claimgraph:embed-measure') post(true);
  });
  if ('ResizeObserver' in window) new ResizeObserver(() => post(false)).observe(root);
  window.addEventListener('load', () => post(true));
  post(true);
})();
