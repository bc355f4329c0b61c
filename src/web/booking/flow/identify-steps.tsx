import { CodeStep } from './code-step';
import type { FlowMemory, UpdateMemory } from './flow-types';
import { IdentityStep } from './identity-step';

/** Identification: the identity form, then the SMS code; the grant lands in the flow's memory. */
export function IdentifySteps({
  slug,
  memory,
  updateMemory,
  notice,
}: {
  slug: string;
  memory: FlowMemory;
  updateMemory: UpdateMemory;
  notice: string | null;
}) {
  return memory.challenge ? (
    <CodeStep challenge={memory.challenge} updateMemory={updateMemory} />
  ) : (
    <IdentityStep slug={slug} identity={memory.identity} updateMemory={updateMemory} notice={notice} />
  );
}
