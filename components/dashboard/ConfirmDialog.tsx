/** A modal question before anything is deleted (native <dialog>: focus stays inside, Esc cancels). */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ConfirmDialog(props: { title: string; confirm: string; danger?: boolean; children: ReactNode; onConfirm(): void; onCancel(): void; confirmDisabled?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-t`} onCancel={(e) => { e.preventDefault(); props.onCancel(); }}>
      <div className="stack-lg">
        <h2 id={`${id}-t`}>{props.title}</h2>
        <div className="stack">{props.children}</div>
        <div className="row end">
          <button type="button" className="btn" autoFocus onClick={props.onCancel}>Cancel</button>
          <button type="button" className={`btn ${props.danger ? 'danger solid' : 'primary'}`} disabled={props.confirmDisabled} onClick={props.onConfirm}>{props.confirm}</button>
        </div>
      </div>
    </dialog>
  );
}
