// The region's competence catalogue for its coordinators (and administrators): every entry with both
// labels, category and order; add one (a key the region already has is refused on the key field),
// relabel or reorder one, retire one (no longer offered, kept by whoever holds it) or use it again.
import { useState } from 'react';
import { DEFAULT_COMPETENCE_CATEGORIES, ZCreateCompetence, ZUpdateCompetence, type TCompetence } from '../../shared/competences.schemas';
import { Card, ErrorMessage, Field, FormActions, Loading, SelectField } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { useI18n } from '../i18n/i18n';
import { getRegion } from '../requests';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { validate } from '../validation';
import { byCategory, competenceLabel, createCompetence, listCatalogue, updateCompetence } from './competences-api';
import { useCategoryName } from './worker-competences';
import './competences.css';

export function CataloguePage({ regionIds, backTo }: { regionIds: string[]; backTo?: string }) {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="competence-catalogue-page">
      {backTo && (
        <p>
          <Link to={backTo}>← {t('profile.back')}</Link>
        </p>
      )}
      <h1>{t('competences.catalogue.title')}</h1>
      <p className="lead">{t('competences.catalogue.intro')}</p>
      {regionIds.length === 0 && <p className="alert alert-info">{t('competences.catalogue.noRegion')}</p>}
      {regionIds.map((regionId) => (
        <RegionCatalogue key={regionId} regionId={regionId} />
      ))}
    </section>
  );
}

async function loadCatalogue(regionId: string) {
  const [region, entries] = await Promise.all([getRegion(regionId), listCatalogue(regionId)]);
  return { regionName: region.name, entries };
}

const inOrder = (entries: TCompetence[]) => [...entries].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));

export function RegionCatalogue({ regionId }: { regionId: string }) {
  const { t, locale } = useI18n();
  const categoryName = useCategoryName();
  const loaded = useLoad(() => loadCatalogue(regionId), [regionId]);
  const [isAdding, setIsAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { regionName, entries } = loaded.data;
  const categories = [...new Set<string>([...DEFAULT_COMPETENCE_CATEGORIES, ...entries.flatMap((e) => (e.category ? [e.category] : []))])];
  const retiredCount = entries.filter((e) => e.retired).length;
  const keep = (saved: TCompetence, text: string) => {
    const others = entries.filter((e) => e.id !== saved.id);
    loaded.setData({ regionName, entries: [...others, saved] });
    setMessage(text);
  };
  return (
    <Card title={regionName} testId="competence-catalogue">
      <p className="muted" data-testid="catalogue-count">
        {t('competences.catalogue.count', { active: entries.length - retiredCount, retired: retiredCount })}
      </p>
      {message && (
        <p className="alert alert-success" role="status" data-testid="catalogue-saved">
          {message}
        </p>
      )}
      {isAdding ? (
        <CompetenceForm
          regionId={regionId}
          categories={categories}
          onCancel={() => setIsAdding(false)}
          onSaved={(saved) => {
            setIsAdding(false);
            keep(saved, t('competences.catalogue.added', { label: competenceLabel(saved, locale) }));
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            className="button button-primary"
            data-testid="catalogue-add"
            onClick={() => {
              setIsAdding(true);
              setEditingId(null);
              setMessage(null);
            }}
          >
            {t('competences.catalogue.add')}
          </button>
        </p>
      )}
      {entries.length === 0 ? (
        <p className="muted">{t('competences.catalogue.empty')}</p>
      ) : (
        byCategory(inOrder(entries)).map(([category, items]) => (
          <div key={category} className="catalogue-group" data-testid="catalogue-group">
            <h3>{categoryName(category)}</h3>
            <ul className="location-list">
              {items.map((entry) => (
                <CatalogueEntry
                  key={entry.id}
                  regionId={regionId}
                  entry={entry}
                  categories={categories}
                  isEditing={editingId === entry.id}
                  onEdit={() => {
                    setEditingId(entry.id);
                    setIsAdding(false);
                    setMessage(null);
                  }}
                  onClose={() => setEditingId(null)}
                  onSaved={(saved, text) => {
                    setEditingId(null);
                    keep(saved, text);
                  }}
                />
              ))}
            </ul>
          </div>
        ))
      )}
    </Card>
  );
}

function CatalogueEntry({
  regionId,
  entry,
  categories,
  isEditing,
  onEdit,
  onClose,
  onSaved,
}: {
  regionId: string;
  entry: TCompetence;
  categories: string[];
  isEditing: boolean;
  onEdit: () => void;
  onClose: () => void;
  onSaved: (saved: TCompetence, message: string) => void;
}) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const toggleRetired = () => {
    setIsBusy(true);
    setError(null);
    updateCompetence(entry.id, { retired: !entry.retired })
      .then((saved) => onSaved(saved, t(saved.retired ? 'competences.catalogue.retiredDone' : 'competences.catalogue.restoredDone', { label: competenceLabel(saved, locale) })), setError)
      .finally(() => setIsBusy(false));
  };
  return (
    <li className="location catalogue-entry" data-testid="catalogue-entry" data-key={entry.key} data-retired={entry.retired}>
      <p className="shift-headline">
        <span className="location-name" data-testid="catalogue-label">
          {competenceLabel(entry, locale)}
        </span>
        {entry.retired && (
          <span className="badge badge-muted" data-testid="catalogue-retired">
            {t('competences.catalogue.retiredBadge')}
          </span>
        )}
      </p>
      <p className="muted">
        <code>{entry.key}</code> · {locale === 'nl' ? entry.labelEn : entry.labelNl} · {t('competences.catalogue.sortOrder')} {entry.sortOrder}
      </p>
      {isEditing ? (
        <CompetenceForm regionId={regionId} entry={entry} categories={categories} onCancel={onClose} onSaved={(saved) => onSaved(saved, t('competences.catalogue.saved', { label: competenceLabel(saved, locale) }))} />
      ) : (
        <div className="form-actions">
          <button type="button" className="button button-secondary" data-testid="catalogue-edit" onClick={onEdit}>
            {t('competences.catalogue.edit')}
          </button>
          <button type="button" className="button button-ghost" data-testid="catalogue-retire" disabled={isBusy} onClick={toggleRetired}>
            {t(entry.retired ? 'competences.catalogue.restore' : 'competences.catalogue.retire')}
          </button>
        </div>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </li>
  );
}

/** Adds an entry (with its key), or changes one (only the fields that changed are sent; the key stays). */
export function CompetenceForm({
  regionId,
  entry,
  categories,
  onSaved,
  onCancel,
}: {
  regionId: string;
  entry?: TCompetence;
  categories: string[];
  onSaved: (saved: TCompetence) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const [key, setKey] = useState(entry?.key ?? '');
  const [labelNl, setLabelNl] = useState(entry?.labelNl ?? '');
  const [labelEn, setLabelEn] = useState(entry?.labelEn ?? '');
  const [category, setCategory] = useState(entry ? (entry.category ?? '') : (categories[0] ?? ''));
  const [sortOrder, setSortOrder] = useState(String(entry?.sortOrder ?? 500));
  const { errors, error, isBusy, submit } = useFormSubmit();

  const save = async () => {
    // Empty is the default order when adding; when changing, it is not a number.
    const order = sortOrder.trim() === '' ? (entry ? Number.NaN : undefined) : Number(sortOrder);
    if (!entry) {
      const checked = validate(ZCreateCompetence, { key, labelNl, labelEn, category: category || null, sortOrder: order }, t);
      await submit(checked.errors ?? {}, checked.data, async (body) => onSaved(await createCompetence(regionId, body)));
      return;
    }
    const wanted = { labelNl: labelNl.trim(), labelEn: labelEn.trim(), category: category || null, sortOrder: order };
    const changes = Object.fromEntries(Object.entries(wanted).filter(([field, value]) => value !== entry[field as keyof typeof wanted]));
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const checked = validate(ZUpdateCompetence, changes, t);
    await submit(checked.errors ?? {}, checked.data, async (body) => onSaved(await updateCompetence(entry.id, body)));
  };

  const testId = entry ? 'catalogue-edit-form' : 'catalogue-add-form';
  return (
    <form
      className="form catalogue-form"
      data-testid={testId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {!entry && (
        <Field
          label={t('competences.catalogue.key')}
          hint={t('competences.catalogue.keyHint')}
          value={key}
          maxLength={40}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          error={errors.key}
          onChange={(e) => setKey(e.target.value)}
          testId="catalogue-key"
        />
      )}
      <div className="form-row">
        <Field label={t('competences.catalogue.labelNl')} lang="nl" value={labelNl} maxLength={80} error={errors.labelNl} onChange={(e) => setLabelNl(e.target.value)} testId="catalogue-label-nl" />
        <Field label={t('competences.catalogue.labelEn')} lang="en" value={labelEn} maxLength={80} error={errors.labelEn} onChange={(e) => setLabelEn(e.target.value)} testId="catalogue-label-en" />
      </div>
      <div className="form-row">
        <SelectField label={t('competences.catalogue.category')} value={category} error={errors.category} onChange={(e) => setCategory(e.target.value)} testId="catalogue-category">
          {categories.map((c) => (
            <option key={c} value={c}>
              {categoryName(c)}
            </option>
          ))}
          <option value="">{t('competences.catalogue.noCategory')}</option>
        </SelectField>
        <Field
          label={t('competences.catalogue.sortOrder')}
          hint={t('competences.catalogue.sortOrderHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={10_000}
          value={sortOrder}
          error={errors.sortOrder}
          onChange={(e) => setSortOrder(e.target.value)}
          testId="catalogue-sort-order"
        />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <FormActions submitLabel={t('competences.catalogue.save')} isBusy={isBusy} submitTestId={`${testId}-save`} onCancel={onCancel} cancelLabel={t('competences.cancel')} />
    </form>
  );
}
