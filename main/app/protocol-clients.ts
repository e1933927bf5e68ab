/** The link schemes the app handles (main/cti/links.ts). */
export const LINK_SCHEMES = ['atende', 'tel', 'callto'] as const;
export type LinkScheme = (typeof LINK_SCHEMES)[number];

/**
 * Which schemes the running app registers itself for with the OS. atende:// is ours, so always;
 * tel: and callto: only while no other app handles them: a softphone or Teams the user or IT
 * chose is never taken over (installers offer Atende as a choice instead). Never from `npm start`,
 * which would register the bare Electron binary.
 *
 * @param handlerOf - the app currently handling a scheme, '' for none
 */
export function schemesToClaim(opts: { packaged: boolean; handlerOf: (scheme: LinkScheme) => string }): LinkScheme[] {
  if (!opts.packaged) return [];
  return LINK_SCHEMES.filter((scheme) => scheme === 'atende' || opts.handlerOf(scheme) === '');
}
