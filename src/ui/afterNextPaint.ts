/**
 * Runs `work` once the browser has painted the next frame: what fills a view in after its first
 * paint (counts, marks, "aussi dans") must not hold that paint back. Returns the cancel.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
