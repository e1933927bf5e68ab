/** A small busy indicator; the text next to it (or `label`) says what is loading. */
export function Spinner({ label, size = 20 }: { label?: string; size?: number }) {
  return (
    <span className="spinner" style={{ width: size, height: size }} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} />
  );
}
