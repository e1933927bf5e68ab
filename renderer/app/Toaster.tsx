import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon, CloseIcon } from '../components/icons/UiIcons';

type Tone = 'success' | 'error' | 'info';
/** A link shown in the toast (e.g. "Abrir ticket"). */
interface ToastLink {
  href: string;
  label: string;
}
interface Toast {
  id: number;
  text: string;
  tone: Tone;
  link?: ToastLink;
}

const SHOW_MS = 5_000;

type Notify = (text: string, tone?: Tone, link?: ToastLink) => void;
const ToastContext = createContext<Notify | null>(null);

/** Short confirmations ("Resposta enviada") in a polite live region, bottom right. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((x) => x.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const notify = useCallback<Notify>(
    (text, tone = 'success', link) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { id, text, tone, ...(link ? { link } : {}) }]);
      // A toast with something to open stays longer: the person may be mid-sentence in a reply.
      const ms = tone === 'error' || link ? SHOW_MS * 2 : SHOW_MS;
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), ms),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            {toast.tone === 'error' ? <AlertIcon size={18} /> : <CheckIcon size={18} />}
            <span className="toast__text">{toast.text}</span>
            {toast.link ? (
              <a className="toast__link" href={toast.link.href} onClick={() => dismiss(toast.id)}>
                {toast.link.label}
              </a>
            ) : null}
            <button type="button" className="toast__close" aria-label={t('workspace.common.close')} onClick={() => dismiss(toast.id)}>
              <CloseIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error('useToast: no ToastProvider above this component');
  return notify;
}
