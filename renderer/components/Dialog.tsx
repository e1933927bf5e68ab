import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons/UiIcons';

/**
 * A modal dialog on the native `<dialog>` (focus kept inside, Escape closes, the page behind is
 * inert). Mounted only while open; focus goes back where it was when it closes.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  size = 'md',
  busy = false,
}: {
  title: string;
  description?: string;
  onClose: () => void;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  /** While a request runs, Escape and the close button wait. */
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useLayoutEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!busyRef.current) onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [onClose]);

  return (
    <dialog ref={ref} className={`dialog dialog--${size}`} aria-labelledby={titleId} aria-describedby={description ? descriptionId : undefined}>
      <header className="dialog__header">
        <div>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="dialog__description">
              {description}
            </p>
          ) : null}
        </div>
        <button type="button" className="icon-button" aria-label={t('workspace.common.close')} title={t('workspace.common.close')} onClick={onClose} disabled={busy}>
          <CloseIcon size={18} />
        </button>
      </header>
      {children}
    </dialog>
  );
}
