/**
 * electron-builder `afterSign` (bundled to dist/build-hooks/after-sign.cjs): notarizes the signed
 * macOS app with Apple when the environment carries credentials (see notarize-options.ts), and
 * says so when it does not. electron-builder calls it only after it actually signed something.
 */
import { join } from 'node:path';
import { notarize } from '@electron/notarize';
import type { AfterPackContext } from 'electron-builder';
import { notarizePlan } from './notarize-options';

export default async function afterSign(context: AfterPackContext): Promise<void> {
  if (context.electronPlatformName !== 'darwin') return;
  const plan = notarizePlan(process.env);
  if (plan.kind === 'error') throw new Error(plan.message);
  if (plan.kind === 'skip') {
    console.log('  • afterSign: no APPLE_* notarization credentials in the environment, app not notarized');
    return;
  }
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  console.log(`  • afterSign: notarizing ${appPath}`);
  await notarize({ appPath, ...plan.credentials });
  console.log('  • afterSign: notarized and stapled');
}
