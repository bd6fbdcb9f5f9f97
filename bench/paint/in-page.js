// Runs inside the Chromium page (plain browser JavaScript, not type-checked
// with the Node sources). Renders a text per the reader convention and times
// painting through the bundled module, exposed as `window.__paint`.
(function () {
  /** Resolves once the next frame has been produced (rAF, then a task after rendering). */
  function nextFrame() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(0);
      });
    });
  }

  /** Renders `text` as the reader does: one <p class="para" data-start> per paragraph, separators not rendered. */
  function render(container, text) {
    container.textContent = '';
    const frag = document.createDocumentFragment();
    let start = 0;
    for (const part of text.split('\n\n')) {
      if (part.length > 0) {
        const p = document.createElement('p');
        p.className = 'para';
        p.dataset.start = String(start);
        p.textContent = part;
        frag.appendChild(p);
      }
      start += part.length + 2;
    }
    container.appendChild(frag);
  }

  let state = null;
  window.__bench = {
    nextFrame,
    render(text) {
      render(document.getElementById('reader'), text);
    },
    /** Time to render the article text alone and get it on screen (the floor). */
    async timeRender(text) {
      const c = document.getElementById('reader');
      c.textContent = '';
      await nextFrame();
      const t0 = performance.now();
      render(c, text);
      void c.offsetHeight; // style + layout now
      await nextFrame();
      return performance.now() - t0;
    },
    /** Time for one frame with nothing to do (vsync wait included in every figure). */
    async timeIdleFrame() {
      await nextFrame();
      const t0 = performance.now();
      await nextFrame();
      return performance.now() - t0;
    },
    /** Paints all spans: [script time, time until the next frame is produced]. */
    async timePaint(spans) {
      if (state) window.__paint.clearHighlights(state);
      state = null;
      await nextFrame();
      const t0 = performance.now();
      state = window.__paint.paintHighlights(document.getElementById('reader'), spans, null);
      const t1 = performance.now();
      await nextFrame();
      return [t1 - t0, performance.now() - t0];
    },
    /** Adds one span to what is painted: [script time, time until the next frame]. */
    async timeAdd(span) {
      await nextFrame();
      const t0 = performance.now();
      window.__paint.addHighlight(state, span);
      const t1 = performance.now();
      await nextFrame();
      return [t1 - t0, performance.now() - t0];
    },
    /** Checks that every painted range covers exactly the text it should. Returns the mismatches. */
    verify(text, spans) {
      const bad = [];
      for (const s of spans) {
        const r = window.__paint.paintedRange(state, s.id);
        const want = text.slice(s.start, s.end).split('\n\n').join('');
        if (!r || r.toString() !== want)
          bad.push({ id: s.id, want: want.slice(0, 40), got: r ? r.toString().slice(0, 40) : null });
      }
      let total = 0;
      for (const [name, hl] of state.highlights) if (name !== 'dossier-active') total += hl.size;
      return { bad, total, names: state.highlights.size };
    },
  };
})();
