import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../shared/schemas/common';
import { DEFAULT_CHANNEL_CAPACITY, RoutingModeSchema, type TeamRoutingSettings } from '../../../../shared/schemas/routing';
import type { Team } from '../../../../shared/schemas/user';
import { useToast } from '../../../app/Toaster';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Spinner } from '../../../components/Spinner';
import { useTRPC } from '../../../lib/trpc';
import { unplacedIssues } from '../../automation/server-issues';
import { useFormIssues } from '../users/useFormIssues';
import { REDISTRIBUTABLE, routingDraft, toRoutingInput, type RoutingDraft } from './routing-form';
import { SkillRulesEditor } from './SkillRulesEditor';

const PLACED = ['mode', 'capacity', 'skillRules', 'redistribution'];

/** A team's routing: assignment mode, capacity per agent and channel, redistribution, skill rules. */
export function RoutingDialog({ team, settings, onClose }: { team: Team; settings: TeamRoutingSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [d, setD] = useState<RoutingDraft>(() => routingDraft(settings));
  const form = useFormIssues();
  const save = useMutation({
    ...trpc.routing.save.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.routing.settings.pathKey() });
      notify(t('admin.routing.saved', { name: team.name }));
      onClose();
    },
    onError: form.onError,
  });
  const set = (patch: Partial<RoutingDraft>) => setD((x) => ({ ...x, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    save.mutate(toRoutingInput(team.id, d));
  };
  const unplaced = unplacedIssues(form.issues, PLACED);
  const title = t('admin.routing.title', { name: team.name });

  return (
    <Dialog title={title} description={t('admin.routing.description')} onClose={onClose} size="lg" busy={save.isPending}>
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label={title}>
        <div className="dialog__body ppl-form">
          {form.formError ? (
            <div className="alert alert--error" role="alert">
              {form.formError}
              {unplaced.length > 0 ? ` ${t('automation.common.otherErrors')} ${unplaced.join(' · ')}` : null}
            </div>
          ) : null}

          <fieldset className="fieldset">
            <legend className="field__label">{t('admin.routing.mode')}</legend>
            <div className="ppl-choices">
              {RoutingModeSchema.options.map((mode) => (
                <label key={mode} className="ppl-choice">
                  <input type="radio" name="routing-mode" value={mode} checked={d.mode === mode} onChange={() => set({ mode })} aria-describedby={`routing-mode-${mode}-hint`} />
                  <span className="ppl-choice__text">
                    <span className="ppl-choice__title">{t(`admin.routing.modes.${mode}`)}</span>
                    <span id={`routing-mode-${mode}-hint`} className="ppl-choice__hint">
                      {t(`admin.routing.modeHints.${mode}`)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            {form.err('mode') ? <p className="field__error">{form.err('mode')}</p> : null}
          </fieldset>

          <fieldset className="fieldset">
            <legend className="field__label">{t('admin.routing.capacity')}</legend>
            <p className="field__hint">{t('admin.routing.capacityHint')}</p>
            <div className="ppl-capacity">
              {CHANNELS.map((c) => (
                <Field key={c} label={t(`channel.${c}`)} error={form.err(`capacity.${c}`)}>
                  {(props) => (
                    <input
                      {...props}
                      className="input input--sm"
                      inputMode="numeric"
                      maxLength={4}
                      placeholder={t('admin.routing.capacityDefault', { value: DEFAULT_CHANNEL_CAPACITY[c] })}
                      value={d.capacity[c]}
                      onChange={(e) => set({ capacity: { ...d.capacity, [c]: e.target.value } })}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>

          <fieldset className="fieldset">
            <legend className="field__label">{t('admin.routing.redistribution')}</legend>
            <label className="check">
              <input type="checkbox" checked={d.onOffline} onChange={(e) => set({ onOffline: e.target.checked })} />
              <span>{t('admin.routing.onOffline')}</span>
            </label>
            <label className="check">
              <input type="checkbox" checked={d.onPause} onChange={(e) => set({ onPause: e.target.checked })} />
              <span>{t('admin.routing.onPause')}</span>
            </label>
            <fieldset className="ppl-subset">
              <legend className="field__label">{t('admin.routing.statuses')}</legend>
              <div className="check-grid check-grid--compact">
                {REDISTRIBUTABLE.map((s) => (
                  <label key={s} className="check">
                    <input type="checkbox" checked={d.statuses.includes(s)} onChange={(e) => set({ statuses: e.target.checked ? [...d.statuses, s] : d.statuses.filter((x) => x !== s) })} />
                    <span>{t(`status.${s}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            {form.err('redistribution.statuses') ? <p className="field__error">{form.err('redistribution.statuses')}</p> : null}
          </fieldset>

          <SkillRulesEditor rules={d.skillRules} issues={form.issues} onChange={(skillRules) => set({ skillRules })} />
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={save.isPending}>
            {t('automation.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? <Spinner size={16} /> : null}
            {t('automation.common.save')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
