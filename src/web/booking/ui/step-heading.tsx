import { type ReactNode, useEffect, useRef } from 'react';

// Focus follows the steps only once the person has done something: on arrival, a screen reader starts
// at the top of the page as usual.
let interacted = false;
const markInteracted = () => {
  interacted = true;
};
window.addEventListener('pointerdown', markInteracted, { once: true, capture: true });
window.addEventListener('keydown', markInteracted, { once: true, capture: true });

/**
 * The heading of a step or page. When it appears after a person's action, it takes the focus and comes
 * into view, so keyboard and screen-reader users land on the new step (and phones scroll to it).
 */
export function StepHeading({
  children,
  level = 2,
  id,
  takeFocus = true,
}: {
  children: ReactNode;
  level?: 1 | 2;
  id?: string;
  /** false when a field of the step takes the focus itself (the SMS code) */
  takeFocus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = ref.current;
    if (!heading || !interacted || !takeFocus) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [takeFocus]);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} tabIndex={-1} className="step-heading" id={id}>
      {children}
    </Tag>
  );
}
