import { ApiError } from '../../../shared/api';
import { Alert } from '../../../shared/ui/alert';
import { ErrorAlert } from '../../../shared/ui/error-alert';

interface FormAlertProps {
  error: unknown;
  /** paths the form shows under their own field; other issues are listed here so none is lost */
  isShown: (path: string) => boolean;
  /** a clearer sentence than the server's, for errors the form understands (a 409 reason) */
  message?: string | undefined;
}

/** The summary of a refused form, next to its buttons: what went wrong, and issues no field shows. */
export function FormAlert({ error, isShown, message }: FormAlertProps) {
  if (!error) return null;
  if (message) return <Alert tone="error">{message}</Alert>;
  if (!(error instanceof ApiError) || error.issues.length === 0) return <ErrorAlert error={error} />;
  const others = error.issues.filter((issue) => !isShown(issue.path));
  return (
    <Alert tone="error">
      {error.message}
      {others.length > 0 ? (
        <ul className="settings-issues">
          {others.map((issue) => (
            <li key={issue.path}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** `isShown` for a form that shows exactly these paths. */
export function shownPaths(...paths: string[]): (path: string) => boolean {
  const set = new Set(paths);
  return (path) => set.has(path);
}
