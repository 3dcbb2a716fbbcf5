import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';

/**
 * A small rich-text editor for article bodies (paragraphs, headings, bold, lists, links): the browser's own editing
 * of a contentEditable region. The api sanitises what it receives, so pasted markup is harmless.
 */
export function RichTextEditor({ id, initialHtml, onChange, labelledBy, invalid }: { id: string; initialHtml: string; onChange: (html: string) => void; labelledBy: string; invalid?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // Uncontrolled: the region keeps its caret; a new article (another initialHtml) replaces its content.
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== initialHtml) ref.current.innerHTML = initialHtml;
  }, [initialHtml]);
  const run = (command: string, value?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, value);
    onChange(ref.current?.innerHTML ?? '');
  };
  return (
    <div className="rich-text">
      <div className="rich-text__toolbar" role="toolbar" aria-label={t('content.admin.body')}>
        <button type="button" className="btn btn--small" onClick={() => run('bold')}>
          {t('content.admin.bold')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => run('formatBlock', 'h2')}>
          {t('content.admin.heading')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => run('insertUnorderedList')}>
          {t('content.admin.bulletList')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            const url = window.prompt(t('content.admin.linkPrompt'));
            if (url && /^https?:\/\//.test(url)) run('createLink', url);
          }}
        >
          {t('content.admin.link')}
        </button>
      </div>
      <div
        id={id}
        ref={ref}
        className="rich-text__area"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelledBy}
        aria-invalid={invalid || undefined}
        tabIndex={0}
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
        suppressContentEditableWarning
      />
    </div>
  );
}
