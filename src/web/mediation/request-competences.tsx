// A request's competence requirements after it was posted (PUT /api/requests/:id/competences): the
// organisation's planners and the region's mediators change them while the request is open.
import { useState } from 'react';
import { ZSetRequestCompetences, type TCompetence, type TCompetenceRequirementInput } from '../../shared/competences.schemas';
import type { TMediationRequest } from '../../shared/mediation.schemas';
import { ErrorMessage, FormActions, Loading } from '../components/ui';
import { useFormSubmit } from '../components/use-form-submit';
import { listCompetences, setRequestCompetences } from '../competences/competences-api';
import { RequirementsPicker } from '../competences/requirements-picker';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { validate } from '../validation';

export function RequestCompetences({ request, onSaved }: { request: TMediationRequest; onSaved: (request: TMediationRequest) => void }) {
  const { t } = useI18n();
  const [isEditing, setIsEditing] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  if (isEditing) {
    return (
      <RequestCompetencesForm
        request={request}
        onCancel={() => setIsEditing(false)}
        onSaved={(saved) => {
          setIsEditing(false);
          setIsSaved(true);
          onSaved(saved);
        }}
      />
    );
  }
  return (
    <div className="request-competences-edit">
      {isSaved && (
        <p className="alert alert-success" role="status" data-testid="request-competences-saved">
          {t('competences.request.saved')}
        </p>
      )}
      {request.competences.length === 0 && <p className="muted">{t('competences.request.none')}</p>}
      <button
        type="button"
        className="button button-secondary"
        data-testid="request-competences-edit"
        onClick={() => {
          setIsEditing(true);
          setIsSaved(false);
        }}
      >
        {t('competences.request.edit')}
      </button>
    </div>
  );
}

function RequestCompetencesForm({ request, onSaved, onCancel }: { request: TMediationRequest; onSaved: (request: TMediationRequest) => void; onCancel: () => void }) {
  const catalogue = useLoad(() => listCompetences(request.regionId), [request.regionId]);
  if (catalogue.error) return <ErrorMessage error={catalogue.error} onRetry={catalogue.reload} />;
  if (!catalogue.data) return <Loading />;
  return <RequirementsForm request={request} catalogue={catalogue.data} onSaved={onSaved} onCancel={onCancel} />;
}

function RequirementsForm({ request, catalogue, onSaved, onCancel }: { request: TMediationRequest; catalogue: TCompetence[]; onSaved: (request: TMediationRequest) => void; onCancel: () => void }) {
  const { t } = useI18n();
  // A competence retired from the catalogue is no longer offered, and cannot be asked for again: it drops out on save.
  const [value, setValue] = useState<TCompetenceRequirementInput[]>(() =>
    request.competences.filter((r) => catalogue.some((c) => c.key === r.key)).map((r) => ({ key: r.key, level: r.level })),
  );
  const { errors, error, isBusy, submit } = useFormSubmit();
  const save = async () => {
    const checked = validate(ZSetRequestCompetences, { competences: value }, t);
    await submit(checked.errors ?? {}, checked.data, async (body) => onSaved(await setRequestCompetences(request.id, body)));
  };
  return (
    <form
      className="form request-competences-form"
      data-testid="request-competences-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <RequirementsPicker catalogue={catalogue} value={value} onChange={setValue} errors={errors} />
      {errors.competences && (
        <p className="field-error" role="alert" data-testid="request-competences-error">
          {errors.competences}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <FormActions submitLabel={t('competences.request.save')} isBusy={isBusy} submitTestId="request-competences-save" onCancel={onCancel} cancelLabel={t('competences.cancel')} />
    </form>
  );
}
