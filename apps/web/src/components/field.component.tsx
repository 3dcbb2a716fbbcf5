import { ReactNode, useId } from 'react';
import { useI18n } from '../i18n';

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Render the control with the ids that tie it to its label, hint and error. */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled control with its hint and its API error (details[].field) announced to screen readers. */
export function Field({ label, hint, error, required, children }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span className="field__req">{required ? t('common.required') : t('common.optional')}</span>
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert" data-field-error>
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of checkboxes in a fieldset (the legend is the label). */
export function CheckboxGroup({
  legend, options, value, onChange, error, name,
}: {
  legend: string;
  name: string;
  options: Array<{ code: string; label: string }>;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className={`field checkbox-group${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-group__items">
        {options.map((o) => (
          <label key={o.code} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={o.code}
              checked={value.includes(o.code)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.code] : value.filter((v) => v !== o.code))}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert" data-field-error>
          {error}
        </p>
      )}
    </fieldset>
  );
}
