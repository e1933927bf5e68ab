import { useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customerHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { Field } from '../../components/Field';
import { CheckIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { isModKey } from '../../lib/keyboard';
import { useTRPC } from '../../lib/trpc';
import type { CallRecord } from './call-state';
import {
  DISPOSITIONS,
  EMPTY_WRAP_UP,
  toWrapUpInput,
  validateWrapUp,
  WRAP_UP_FIELD_ORDER,
  wrapUpRefusal,
  type Disposition,
  type TicketLink,
  type WrapUpErrors,
  type WrapUpField,
  type WrapUpValues,
} from './cti-format';
import { useCti } from './CtiProvider';

const LINKS: readonly TicketLink[] = ['none', 'existing', 'new'];
/** Keys are not translated. */
const SUBMIT_KEYS = ['Ctrl', 'Enter'] as const;

/**
 * After-call work: the outcome (a list plus free text), notes for the customer's timeline, the
 * ticket it belongs to (an open one of the customer, or a new one) and whether it was solved on
 * the call (FCR). The wrap-up time runs in the panel's header until it is saved.
 */
export function WrapUpForm({ call }: { call: CallRecord }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const notify = useToast();
  const cti = useCti();
  const customerId = call.customerId;
  const view = useQuery({ ...trpc.customers.view360.queryOptions({ id: customerId ?? '' }), enabled: customerId !== null });
  const openTickets = view.data?.openTickets ?? [];
  const [values, setValues] = useState<WrapUpValues>(EMPTY_WRAP_UP);
  const [errors, setErrors] = useState<WrapUpErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    ...trpc.cti.wrapUp.mutationOptions(),
    onSuccess: () => {
      notify(t('cti.wrapUp.saved'));
      cti.wrappedUp(call.callId);
    },
    onError: (err) => {
      const refusal = wrapUpRefusal(err);
      // Saved from another window, or no longer ours: nothing left to do here.
      if (refusal === 'already_wrapped_up' || refusal === 'not_found' || refusal === 'not_your_call') {
        notify(t(`cti.wrapUp.errors.${refusal}`), 'info');
        cti.wrappedUp(call.callId);
        return;
      }
      setFormError(refusal ? t(`cti.wrapUp.errors.${refusal}`) : t(errorMessageKey(err)));
    },
  });

  const set = <K extends keyof WrapUpValues>(key: K, value: WrapUpValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const chooseLink = (link: TicketLink) =>
    setValues((v) => ({
      ...v,
      link,
      ticketId: link === 'existing' && !v.ticketId ? (openTickets[0]?.id ?? '') : v.ticketId,
      subject: link === 'new' && !v.subject && v.disposition ? t('cti.wrapUp.subjectDefault', { disposition: dispositionLabel(v) }) : v.subject,
    }));
  const dispositionLabel = (v: WrapUpValues) => (v.disposition === 'outro' ? v.otherText.trim() : v.disposition ? t(`cti.wrapUp.dispositions.${v.disposition}`) : '');

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (save.isPending) return;
    const found = validateWrapUp(values, customerId !== null);
    setErrors(found);
    const first = WRAP_UP_FIELD_ORDER.find((f) => found[f]);
    if (first) {
      setFormError(t('cti.wrapUp.fixErrors'));
      document.getElementById(`wrap-up-${first}`)?.focus();
      return;
    }
    setFormError(null);
    save.mutate(toWrapUpInput(call.callId, customerId, values));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (isModKey(event, 'Enter', event.key)) {
      event.preventDefault();
      submit();
    }
  };
  const error = (field: WrapUpField) => (errors[field] ? t(`cti.wrapUp.errors.${errors[field]}`) : null);

  return (
    <form className="call-panel__form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('cti.wrapUp.title')}>
      <div className="call-panel__body">
        <p className="call-wrap__customer">
          <span className="call-wrap__label">{t('cti.wrapUp.customer')}</span>
          {customerId ? (
            <a href={customerHref(customerId)} onClick={cti.hidePanel}>
              {view.data?.customer.name ?? t('app.loading')}
            </a>
          ) : (
            <span className="muted">{t('cti.wrapUp.noCustomer')}</span>
          )}
        </p>
        {formError ? (
          <div className="alert alert--error" role="alert">
            {formError}
          </div>
        ) : null}
        <Field id="wrap-up-disposition" label={t('cti.wrapUp.disposition')} error={error('disposition')}>
          {(props) => (
            <select {...props} className="select" value={values.disposition} onChange={(e) => set('disposition', e.target.value as Disposition | '')}>
              <option value="">{t('cti.wrapUp.choose')}</option>
              {DISPOSITIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`cti.wrapUp.dispositions.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.disposition === 'outro' ? (
          <Field id="wrap-up-otherText" label={t('cti.wrapUp.other')} error={error('otherText')}>
            {(props) => <input {...props} className="input" value={values.otherText} onChange={(e) => set('otherText', e.target.value)} maxLength={80} />}
          </Field>
        ) : null}
        <Field id="wrap-up-notes" label={t('cti.wrapUp.notes')} hint={t('cti.wrapUp.notesHint')} error={error('notes')}>
          {(props) => <textarea {...props} className="textarea" rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} maxLength={10_000} />}
        </Field>
        <fieldset className="fieldset call-wrap__ticket">
          <legend className="field__label">{t('cti.wrapUp.ticket')}</legend>
          <div className="call-links">
            {LINKS.map((link) => {
              const disabled = link !== 'none' && (customerId === null || (link === 'existing' && openTickets.length === 0));
              return (
                <label key={link} className={`call-links__item${disabled ? ' call-links__item--disabled' : ''}`}>
                  <input type="radio" name="wrap-up-link" className="visually-hidden" value={link} checked={values.link === link} disabled={disabled} onChange={() => chooseLink(link)} />
                  {t(`cti.wrapUp.link.${link}`)}
                </label>
              );
            })}
          </div>
          {customerId === null ? <p className="field__hint">{t('cti.wrapUp.needsCustomer')}</p> : null}
          {customerId !== null && view.isSuccess && openTickets.length === 0 ? <p className="field__hint">{t('cti.wrapUp.noOpenTickets')}</p> : null}
          {values.link === 'existing' ? (
            <Field id="wrap-up-ticketId" label={t('cti.wrapUp.ticketChoice')} error={error('ticketId')}>
              {(props) => (
                <select {...props} className="select" value={values.ticketId} onChange={(e) => set('ticketId', e.target.value)}>
                  <option value="">{t('cti.wrapUp.choose')}</option>
                  {openTickets.map((x) => (
                    <option key={x.id} value={x.id}>
                      {t('cti.wrapUp.ticketOption', { number: x.number, subject: x.subject })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {values.link === 'new' ? (
            <Field id="wrap-up-subject" label={t('cti.wrapUp.subject')} error={error('subject')}>
              {(props) => <input {...props} className="input" value={values.subject} onChange={(e) => set('subject', e.target.value)} maxLength={300} />}
            </Field>
          ) : null}
        </fieldset>
        <label className="check call-wrap__fcr">
          <input type="checkbox" checked={values.resolvedOnCall} onChange={(e) => set('resolvedOnCall', e.target.checked)} aria-describedby="wrap-up-fcr-hint" />
          <span>{t('cti.wrapUp.fcr')}</span>
        </label>
        <p id="wrap-up-fcr-hint" className="field__hint call-wrap__fcr-hint">
          {t('cti.wrapUp.fcrHint')}
        </p>
      </div>
      <footer className="call-panel__footer">
        <span className="call-wrap__keys" aria-hidden="true">
          {SUBMIT_KEYS.map((key, i) => (
            <Fragment key={key}>
              {i > 0 ? '+' : null}
              <kbd>{key}</kbd>
            </Fragment>
          ))}
        </span>
        <span className="spacer" />
        <button type="submit" className="button button--primary" disabled={save.isPending} aria-keyshortcuts="Control+Enter">
          {save.isPending ? <Spinner size={16} /> : <CheckIcon size={16} />}
          {save.isPending ? t('cti.wrapUp.submitting') : t('cti.wrapUp.submit')}
        </button>
      </footer>
    </form>
  );
}
