import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCpf, isValidCpf } from '../../../shared/br/cpf';
import { useToast } from '../../app/Toaster';
import { Field } from '../../components/Field';
import { PlusIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey, invalidFields } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import type { CallRecord } from './call-state';
import { formatCaller, toCustomerInput, validateQuickCreate, type QuickCreateErrors, type QuickCreateField, type QuickCreateValues } from './cti-format';

const FIELD_ORDER: QuickCreateField[] = ['name', 'phone', 'cpf', 'email'];
const SERVER_FIELDS: Record<string, QuickCreateField> = { name: 'name', phones: 'phone', cpf: 'cpf', emails: 'email' };

/** An unknown caller: register them during the call, number (and IVR CPF) already filled in. */
export function QuickCreateCustomer({ call, onCreated }: { call: CallRecord; onCreated: (customerId: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const caller = formatCaller(call.ani);
  // The CPF the caller typed in the IVR (no customer has it, or they would have been found): it seeds the record.
  const ivrCpf = Object.entries(call.pop?.ivr ?? {}).find(([key]) => key.toLowerCase() === 'cpf')?.[1] ?? '';
  const [values, setValues] = useState<QuickCreateValues>(() => ({
    name: '',
    phone: caller ?? '',
    cpf: isValidCpf(ivrCpf) ? formatCpf(ivrCpf) : ivrCpf,
    email: '',
  }));
  const [errors, setErrors] = useState<QuickCreateErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const create = useMutation({
    ...trpc.customers.create.mutationOptions(),
    onSuccess: (customer) => {
      void queryClient.invalidateQueries({ queryKey: trpc.customers.search.pathKey() });
      notify(t('cti.quickCreate.created'));
      onCreated(customer.id);
    },
    onError: (err) => {
      const key = errorMessageKey(err);
      if (key === 'errors.cpf_taken') {
        setErrors({ cpf: 'cpfTaken' });
        setFormError(null);
        return;
      }
      const fields = invalidFields(err)
        .map((f) => SERVER_FIELDS[f])
        .filter((f): f is QuickCreateField => f !== undefined);
      if (fields.length > 0) {
        setErrors(Object.fromEntries(fields.map((f) => [f, f === 'name' ? 'nameRequired' : f === 'phone' ? 'phoneInvalid' : f === 'cpf' ? 'cpfInvalid' : 'emailInvalid'])));
        setFormError(null);
        return;
      }
      setFormError(t(key));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateQuickCreate(values);
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      document.getElementById(`quick-create-${first}`)?.focus();
      return;
    }
    setFormError(null);
    create.mutate(toCustomerInput(values));
  };

  const set = (key: QuickCreateField) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (field: QuickCreateField) => (errors[field] ? t(`cti.quickCreate.errors.${errors[field]}`) : null);

  return (
    <form className="call-panel__form" onSubmit={submit} noValidate aria-labelledby="quick-create-title">
      <div className="call-panel__body">
        <div className="call-quick">
          <h3 id="quick-create-title" className="call-quick__title">
            {caller ? t('cti.quickCreate.title') : t('cti.quickCreate.titleNoNumber')}
          </h3>
          <p className="call-quick__hint">{t('cti.quickCreate.hint')}</p>
          {formError ? (
            <div className="alert alert--error" role="alert">
              {formError}
            </div>
          ) : null}
          <Field id="quick-create-name" label={t('cti.quickCreate.name')} error={error('name')}>
            {(props) => <input {...props} className="input" value={values.name} onChange={(e) => set('name')(e.target.value)} maxLength={200} autoComplete="off" />}
          </Field>
          <div className="call-quick__row">
            <Field id="quick-create-phone" label={t('cti.quickCreate.phone')} error={error('phone')}>
              {(props) => <input {...props} className="input" type="tel" value={values.phone} onChange={(e) => set('phone')(e.target.value)} maxLength={40} autoComplete="off" />}
            </Field>
            <Field id="quick-create-cpf" label={t('cti.quickCreate.cpf')} error={error('cpf')}>
              {(props) => <input {...props} className="input mono" inputMode="numeric" placeholder="000.000.000-00" value={values.cpf} onChange={(e) => set('cpf')(e.target.value)} maxLength={14} autoComplete="off" />}
            </Field>
          </div>
          <Field id="quick-create-email" label={t('cti.quickCreate.email')} error={error('email')}>
            {(props) => <input {...props} className="input" type="email" value={values.email} onChange={(e) => set('email')(e.target.value)} maxLength={254} autoComplete="off" />}
          </Field>
        </div>
      </div>
      <footer className="call-panel__footer">
        <span className="spacer" />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? <Spinner size={16} /> : <PlusIcon size={16} />}
          {create.isPending ? t('cti.quickCreate.submitting') : t('cti.quickCreate.submit')}
        </button>
      </footer>
    </form>
  );
}
