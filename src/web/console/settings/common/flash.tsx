import { useCallback, useEffect, useState } from 'react';

/** A short success message after a save, gone after a while. */
export function useFlash(): [string | null, (message: string | null) => void] {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(null), 8000);
    return () => window.clearTimeout(timer);
  }, [message]);
  return [message, useCallback((next: string | null) => setMessage(next), [])];
}

/** The live region stays in the page so screen readers announce the message when it appears. */
export function Flash({ message }: { message: string | null }) {
  return (
    <div role="status" className="settings-flash">
      {message ? <p className="alert alert--success">{message}</p> : null}
    </div>
  );
}
