import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';

type Group = 'global' | 'queue' | 'ticket' | 'composer';
type Action =
  | 'help'
  | 'nav'
  | 'search'
  | 'move'
  | 'page'
  | 'open'
  | 'back'
  | 'reply'
  | 'note'
  | 'take'
  | 'escalate'
  | 'macro'
  | 'send'
  | 'sendSolve'
  | 'cancel';

/** Every keyboard shortcut of the workspace, as shown in the help (keys are not translated). */
export const SHORTCUTS: readonly { group: Group; keys: string[][]; action: Action }[] = [
  { group: 'global', keys: [['?']], action: 'help' },
  { group: 'global', keys: [['Alt', '1…5']], action: 'nav' },
  { group: 'global', keys: [['Esc']], action: 'cancel' },
  { group: 'queue', keys: [['/']], action: 'search' },
  { group: 'queue', keys: [['↑'], ['↓'], ['k'], ['j']], action: 'move' },
  { group: 'queue', keys: [['PgUp'], ['PgDn'], ['Home'], ['End']], action: 'page' },
  { group: 'queue', keys: [['Enter'], ['o']], action: 'open' },
  { group: 'ticket', keys: [['u']], action: 'back' },
  { group: 'ticket', keys: [['r']], action: 'reply' },
  { group: 'ticket', keys: [['n']], action: 'note' },
  { group: 'ticket', keys: [['t']], action: 'take' },
  { group: 'ticket', keys: [['e']], action: 'escalate' },
  { group: 'composer', keys: [['Ctrl', 'M'], ['/']], action: 'macro' },
  { group: 'composer', keys: [['Ctrl', 'Enter']], action: 'send' },
  { group: 'composer', keys: [['Ctrl', 'Shift', 'Enter']], action: 'sendSolve' },
];

const GROUPS: Group[] = ['global', 'queue', 'ticket', 'composer'];

/** The "?" help: every shortcut, grouped by where it works. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('workspace.shortcuts.title')} description={t('workspace.shortcuts.description')} onClose={onClose} size="lg">
      <div className="dialog__body shortcuts">
        {GROUPS.map((group) => (
          <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`} className="shortcuts__title">
              {t(`workspace.shortcuts.groups.${group}`)}
            </h3>
            <dl className="shortcuts__list">
              {SHORTCUTS.filter((s) => s.group === group).map((shortcut) => (
                <div key={shortcut.action} className="shortcuts__row">
                  <dt className="shortcuts__keys">
                    {shortcut.keys.map((combo, i) => (
                      <Fragment key={combo.join('+')}>
                        {i > 0 ? <span className="shortcuts__or">{t('workspace.shortcuts.or')}</span> : null}
                        {combo.map((key, j) => (
                          <Fragment key={key}>
                            {j > 0 ? <span aria-hidden="true">+</span> : null}
                            <kbd>{key}</kbd>
                          </Fragment>
                        ))}
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{t(`workspace.shortcuts.actions.${shortcut.action}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
