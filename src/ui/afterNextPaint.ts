/**
 * Runs `work` once the browser has painted the next frame: what fills a view in after its first
 * paint (counts, marks, "aussi dans") must not hold that paint back. A hidden page paints no
 * frame (a tab opened behind): there the work runs at once. Returns the cancel.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (document.visibilityState === 'hidden') {
    timer = setTimeout(work);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
