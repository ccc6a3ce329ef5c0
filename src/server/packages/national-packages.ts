// The Nationale Zorgreserve's four activity packages plus support tasks for "extra hands"
// (domain.md §3.1). Loaded at start-up when missing; regions add their own next to them.
import type { TCreatePackageRequest } from '../../shared/packages.schemas.js';

export const NATIONAL_PACKAGES: (TCreatePackageRequest & { sortOrder: number })[] = [
  {
    code: 'basic-care',
    nameNl: 'Basiszorg en contact met zorgvragers',
    nameEn: 'Basic care and contact with clients',
    descriptionNl: 'Ondersteunt of verricht basiszorg (ADL) en huishoudelijke taken, signaleert veranderingen bij de zorgvrager.',
    descriptionEn: 'Supports or carries out basic care (ADL) and household tasks, signals changes in the client’s condition.',
    requiresRegistration: false,
    minQualificationLevel: 2,
    sortOrder: 10,
  },
  {
    code: 'more-responsibility',
    nameNl: 'Meer verantwoordelijkheid bij de zorg (onder supervisie)',
    nameEn: 'More responsibility in care (under supervision)',
    descriptionNl: 'Zorgtaken met meer verantwoordelijkheid, onder supervisie van een verpleegkundige.',
    descriptionEn: 'Care tasks with more responsibility, supervised by a nurse.',
    requiresRegistration: false,
    minQualificationLevel: 3,
    sortOrder: 20,
  },
  {
    code: 'nursing',
    nameNl: 'Verpleegkundige zorg (BIG)',
    nameEn: 'Nursing care (BIG)',
    descriptionNl: 'Verpleegkundige zorg door een BIG-geregistreerde verpleegkundige.',
    descriptionEn: 'Nursing care by a BIG-registered nurse.',
    requiresRegistration: true,
    minQualificationLevel: 4,
    sortOrder: 30,
  },
  {
    code: 'monitoring-care',
    nameNl: 'Verpleegkundige bewakingszorg (BIG)',
    nameEn: 'Monitoring nursing care (BIG)',
    descriptionNl: 'Bewakingszorg (IC, CCU, SEH) door een BIG-geregistreerde, gespecialiseerde verpleegkundige.',
    descriptionEn: 'Monitoring care (ICU, CCU, ED) by a BIG-registered, specialised nurse.',
    requiresRegistration: true,
    minQualificationLevel: 5,
    sortOrder: 40,
  },
  {
    code: 'support-tasks',
    nameNl: 'Ondersteunende taken',
    nameEn: 'Support tasks',
    descriptionNl: 'Extra handen: maaltijden, gezelschap, ontvangst, logistiek — geen zorgtaken.',
    descriptionEn: 'Extra hands: meals, company, reception, logistics — no care tasks.',
    requiresRegistration: false,
    minQualificationLevel: 1,
    sortOrder: 50,
  },
];
