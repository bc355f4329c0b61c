import type { ErrorFor } from '../common/field-errors';
import type { MotifForm } from './motif-form';

/** What each group of motif fields receives from the dialog. */
export interface MotifFieldsProps {
  form: MotifForm;
  set: <K extends keyof MotifForm>(key: K) => (value: MotifForm[K]) => void;
  errorFor: ErrorFor;
}
