import { FormEvent, useState } from 'react';
import { api, ApiError, Page } from '../api';
import { splitList } from '../format';
import { useI18n } from '../i18n';
import { useTaxonomy } from '../taxonomy';
import { EmptyState, ErrorNotice, Loading, Notice, Pagination } from './feedback.component';
import { Field } from './field.component';
import { invalidate, useApiQuery } from '../query';

interface Entry {
  id: string;
  industry: string;
  term: string;
  synonyms: string[];
  broader: string[];
  narrower: string[];
  symptoms: string[];
}

const PAGE_SIZE = 20;

/** The matching thesaurus (synonyms, broader/narrower terms, symptom phrases) that turns plain-words demands into searchable terms. */
export function ThesaurusPanel() {
  const { t, pick } = useI18n();
  const taxonomy = useTaxonomy();
  const [industry, setIndustry] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useApiQuery<Page<Entry>>('thesaurus', { industry: industry || undefined, q: q.trim() || undefined, page, pageSize: PAGE_SIZE });
  const [form, setForm] = useState({ industry: '', term: '', synonyms: '', symptoms: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const saved = await api.post<Entry>('thesaurus', { industry: form.industry, term: form.term.trim(), synonyms: splitList(form.synonyms), symptoms: form.symptoms.split(/[;；\n]+/).map((x) => x.trim()).filter(Boolean) });
      setErrors({});
      setForm({ industry: form.industry, term: '', synonyms: '', symptoms: '' });
      setMessage({ kind: 'success', text: t('thesaurus.saved', { term: saved.term }) });
      void invalidate('thesaurus');
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setMessage({ kind: 'error', text: err.message });
      } else setMessage({ kind: 'error', text: String(err) });
    }
  };

  return (
    <section className="panel" aria-labelledby="thesaurus-title">
      <h2 id="thesaurus-title">{t('thesaurus.title')}</h2>
      <p className="muted">{t('thesaurus.hint')}</p>
      <div className="form form--two">
        <div className="field">
          <label htmlFor="thesaurus-industry">{t('form.industry')}</label>
          <select
            id="thesaurus-industry"
            value={industry}
            onChange={(e) => {
              setIndustry(e.target.value);
              setPage(1);
            }}
          >
            <option value="">{t('common.all')}</option>
            {taxonomy.industries.map((i) => (
              <option key={i.code} value={i.code}>
                {pick(i)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="thesaurus-q">{t('thesaurus.search')}</label>
          <input
            id="thesaurus-q"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </div>
      </div>
      {list.isLoading && <Loading />}
      {!!list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('thesaurus.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('thesaurus.term')}</th>
                <th scope="col">{t('thesaurus.synonyms')}</th>
                <th scope="col">{t('thesaurus.symptoms')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((x) => (
                <tr key={x.id}>
                  <td>
                    <strong>{x.term}</strong>
                  </td>
                  <td>{x.synonyms.join('、')}</td>
                  <td>{x.symptoms.join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}

      <form className="form form--two" onSubmit={add} noValidate aria-label={t('thesaurus.add')}>
        <Field label={t('form.industry')} error={errors.industry} required>
          {(p) => (
            <select id={p.id} value={form.industry} onChange={(e) => setForm({ ...form, industry: e.target.value })} aria-describedby={p.describedBy} aria-invalid={p.invalid}>
              <option value="">{t('form.choose')}</option>
              {taxonomy.industries.map((i) => (
                <option key={i.code} value={i.code}>
                  {pick(i)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('thesaurus.term')} error={errors.term} required>
          {(p) => <input id={p.id} value={form.term} maxLength={40} onChange={(e) => setForm({ ...form, term: e.target.value })} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
        <Field label={t('thesaurus.synonyms')} hint={t('form.keywordsHint')} error={errors.synonyms}>
          {(p) => <input id={p.id} value={form.synonyms} onChange={(e) => setForm({ ...form, synonyms: e.target.value })} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
        <Field label={t('thesaurus.symptoms')} hint={t('thesaurus.symptomsHint')} error={errors.symptoms}>
          {(p) => <input id={p.id} value={form.symptoms} onChange={(e) => setForm({ ...form, symptoms: e.target.value })} aria-describedby={p.describedBy} aria-invalid={p.invalid} />}
        </Field>
        <div className="form__actions form__full">
          <button type="submit" className="btn btn--primary">
            {t('thesaurus.add')}
          </button>
        </div>
      </form>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </section>
  );
}
