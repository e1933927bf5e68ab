import { HeadsetIcon } from './icons/UiIcons';

/** The Atende mark: a headset on the brand colour, and the name beside it. */
export function BrandMark({ name, tagline, size = 'md' }: { name: string; tagline?: string; size?: 'md' | 'lg' }) {
  return (
    <div className={`brand brand--${size}`}>
      <span className="brand__mark" aria-hidden="true">
        <HeadsetIcon size={size === 'lg' ? 26 : 20} strokeWidth={2} />
      </span>
      <span className="brand__text">
        <span className="brand__name">{name}</span>
        {tagline ? <span className="brand__tagline">{tagline}</span> : null}
      </span>
    </div>
  );
}
