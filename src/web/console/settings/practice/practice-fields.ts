import type { ErrorFor } from '../common/field-errors';
import type { PracticeForm } from './practice-form';

export interface PracticeFieldsProps {
  form: PracticeForm;
  set: <K extends keyof PracticeForm>(key: K) => (value: PracticeForm[K]) => void;
  errorFor: ErrorFor;
}
