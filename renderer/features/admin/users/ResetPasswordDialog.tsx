import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../../shared/schemas/user';
import { useToast } from '../../../app/Toaster';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Spinner } from '../../../components/Spinner';
import { useTRPC } from '../../../lib/trpc';
import { PasswordInput } from './PasswordInput';
import { useFormIssues } from './useFormIssues';

/** A new password for someone who forgot theirs; the server ends their open sessions. */
export function ResetPasswordDialog({ user, onClose }: { user: PublicUser; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const notify = useToast();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const form = useFormIssues();
  const reset = useMutation({
    ...trpc.users.resetPassword.mutationOptions(),
    onSuccess: () => {
      notify(t('admin.password.done', { name: user.displayName }));
      onClose();
    },
    onError: form.onError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    reset.mutate({ id: user.id, password });
  };

  return (
    <Dialog title={t('admin.password.title')} description={t('admin.password.description', { name: user.displayName, username: user.username })} onClose={onClose} size="sm" busy={reset.isPending}>
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label={t('admin.password.title')}>
        <div className="dialog__body ppl-form">
          {form.formError && !form.err('password') ? (
            <div className="alert alert--error" role="alert">
              {form.formError}
            </div>
          ) : null}
          <Field label={t('admin.password.newPassword')} hint={t('admin.userForm.passwordHint')} error={form.err('password')}>
            {(props) => <PasswordInput
                control={props}
                value={password}
                onChange={(value, generated) => {
                  setPassword(value);
                  if (generated) setConfirm(value);
                }}
                canGenerate
              />}
          </Field>
          <Field label={t('admin.password.confirm')} error={mismatch ? t('admin.password.mismatch') : null}>
            {(props) => <PasswordInput control={props} value={confirm} onChange={(value) => setConfirm(value)} />}
          </Field>
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={reset.isPending}>
            {t('automation.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={reset.isPending}>
            {reset.isPending ? <Spinner size={16} /> : null}
            {t('admin.password.submit')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
