import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import { useToast } from '../../app/Toaster';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey, invalidFields } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { serverFieldToFormField, toCustomerPatch, validateCustomerForm, type CustomerField, type CustomerFormErrors, type CustomerFormValues } from './customer-form';

type Customer = RouterOutputs['customers']['view360']['customer'];

/** Edit a profile; every field says what is wrong with it, from our checks or the server's. */
export function EditCustomerDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [values, setValues] = useState<CustomerFormValues>(() => ({
    name: customer.name,
    cpf: '',
    phones: customer.phones.map(formatPhoneBr).join('\n'),
    emails: customer.emails.join('\n'),
    tags: customer.tags.join(' '),
    notes: customer.notes,
    marketing: customer.consent.marketing,
    surveys: customer.consent.surveys,
    recording: customer.consent.recording,
  }));
  const [errors, setErrors] = useState<CustomerFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const update = useMutation({
    ...trpc.customers.update.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.customers.view360.queryKey({ id: customer.id }) });
      void queryClient.invalidateQueries({ queryKey: trpc.customers.search.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.detail.pathKey() });
      notify(t('workspace.customer.saved'));
      onClose();
    },
    onError: (err) => {
      const key = errorMessageKey(err);
      if (key === 'errors.cpf_taken') {
        setErrors({ cpf: { key: 'cpfTaken' } });
        setFormError(t('workspace.customer.fixErrors'));
        document.getElementById('customer-cpf')?.focus();
        return;
      }
      const fields = invalidFields(err).map(serverFieldToFormField).filter((f): f is CustomerField => f !== null);
      if (fields.length > 0) {
        setErrors(Object.fromEntries(fields.map((f) => [f, { key: 'serverInvalid' }])));
        setFormError(t('workspace.customer.fixErrors'));
        return;
      }
      if (key === 'errors.version_conflict') void queryClient.invalidateQueries({ queryKey: trpc.customers.view360.queryKey({ id: customer.id }) });
      setFormError(t(key));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCustomerForm(values);
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      setFormError(t('workspace.customer.fixErrors'));
      document.getElementById(`customer-${first}`)?.focus();
      return;
    }
    setFormError(null);
    update.mutate({ id: customer.id, version: customer.version, patch: toCustomerPatch(values) });
  };

  const error = (field: CustomerField) => {
    const e = errors[field];
    if (!e) return null;
    return t(`workspace.customer.errors.${e.key}`, { value: e.value ?? '' });
  };
  const set = <K extends keyof CustomerFormValues>(key: K) => (value: CustomerFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <Dialog title={t('workspace.customer.editTitle')} description={customer.name} onClose={onClose} size="lg" busy={update.isPending}>
      <form onSubmit={submit} noValidate>
        <div className="dialog__body">
          {formError ? (
            <div className="alert alert--error" role="alert">
              {formError}
            </div>
          ) : null}
          <div className="form-grid">
            <Field id="customer-name" label={t('workspace.customer.name')} error={error('name')}>
              {(props) => <input {...props} className="input" value={values.name} onChange={(e) => set('name')(e.target.value)} maxLength={200} autoFocus />}
            </Field>
            <Field id="customer-cpf" label={t('workspace.customer.cpf')} hint={customer.hasCpf ? t('workspace.customer.cpfKeep', { masked: customer.cpfMasked ?? '' }) : t('workspace.customer.cpfHint')} error={error('cpf')}>
              {(props) => <input {...props} className="input mono" inputMode="numeric" placeholder={customer.cpfMasked ?? '000.000.000-00'} value={values.cpf} onChange={(e) => set('cpf')(e.target.value)} maxLength={14} autoComplete="off" />}
            </Field>
            <Field id="customer-phones" label={t('workspace.customer.phones')} hint={t('workspace.customer.phonesHint')} error={error('phones')}>
              {(props) => <textarea {...props} className="textarea" rows={3} value={values.phones} onChange={(e) => set('phones')(e.target.value)} />}
            </Field>
            <Field id="customer-emails" label={t('workspace.customer.emails')} hint={t('workspace.customer.emailsHint')} error={error('emails')}>
              {(props) => <textarea {...props} className="textarea" rows={3} value={values.emails} onChange={(e) => set('emails')(e.target.value)} />}
            </Field>
            <Field id="customer-tags" label={t('workspace.customer.tags')} hint={t('workspace.customer.tagsHint')} error={error('tags')} className="form-grid__wide">
              {(props) => <input {...props} className="input" value={values.tags} onChange={(e) => set('tags')(e.target.value)} />}
            </Field>
            <Field id="customer-notes" label={t('workspace.customer.notes')} error={error('notes')} className="form-grid__wide">
              {(props) => <textarea {...props} className="textarea" rows={3} value={values.notes} onChange={(e) => set('notes')(e.target.value)} maxLength={10_000} />}
            </Field>
          </div>
          <fieldset className="fieldset">
            <legend className="field__label">{t('workspace.customer.consent')}</legend>
            {(['marketing', 'surveys', 'recording'] as const).map((key) => (
              <label key={key} className="check">
                <input type="checkbox" checked={values[key]} onChange={(e) => set(key)(e.target.checked)} />
                <span>{t(`workspace.customer.consents.${key}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={update.isPending}>
            {t('workspace.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? <Spinner size={16} /> : null}
            {t('workspace.common.save')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

const FIELD_ORDER: CustomerField[] = ['name', 'cpf', 'phones', 'emails', 'tags', 'notes'];
